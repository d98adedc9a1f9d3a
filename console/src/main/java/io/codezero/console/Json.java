package io.codezero.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** Null-safe reads of Kubernetes objects as the API server answers them (fields are often absent). */
final class Json {
    private Json() {
    }

    /** The object at a path of field names, or an empty object. */
    static JsonObject obj(JsonObject from, String... path) {
        JsonObject at = from;
        for (String field : path) {
            if (at == null || !at.has(field) || !at.get(field).isJsonObject()) {
                return new JsonObject();
            }
            at = at.getAsJsonObject(field);
        }
        return at == null ? new JsonObject() : at;
    }

    /** The array at a field of an object, or an empty array. */
    static JsonArray arr(JsonObject from, String field) {
        return from != null && from.has(field) && from.get(field).isJsonArray() ? from.getAsJsonArray(field) : new JsonArray();
    }

    /** A text field, or the fallback. */
    static String str(JsonObject from, String field, String fallback) {
        return from != null && from.has(field) && from.get(field).isJsonPrimitive() ? from.get(field).getAsString() : fallback;
    }

    /** A number field, or the fallback. */
    static int num(JsonObject from, String field, int fallback) {
        return from != null && from.has(field) && from.get(field).isJsonPrimitive() && from.getAsJsonPrimitive(field).isNumber()
                ? from.get(field).getAsInt() : fallback;
    }

    /** An object's labels. */
    static Map<String, String> labels(JsonObject object) {
        Map<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : obj(object, "metadata", "labels").entrySet()) {
            labels.put(e.getKey(), e.getValue().getAsString());
        }
        return labels;
    }

    static String name(JsonObject object) {
        return str(obj(object, "metadata"), "name", "");
    }

    static String namespace(JsonObject object) {
        return str(obj(object, "metadata"), "namespace", "");
    }
}
