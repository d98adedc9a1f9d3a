package io.codezero.digitalocean.preflight;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Reads one field of a DigitalOcean API answer. The API leaves fields out or sends {@code null} where a resource has no
 * value (a VPC without a description, a pool without nodes yet), so a missing, null or non-array field reads as empty
 * rather than throwing: each check then says what it could not find instead of crashing the preflight.
 */
final class JsonFields {
    private JsonFields() {
    }

    /** The field as text, {@code ""} when it is absent or null. */
    static String text(JsonObject object, String key) {
        return object != null && object.has(key) && !object.get(key).isJsonNull() ? object.get(key).getAsString() : "";
    }

    /** The field's elements, none when it is absent or not an array. */
    static Iterable<JsonElement> array(JsonObject object, String key) {
        return object != null && object.has(key) && object.get(key).isJsonArray() ? object.getAsJsonArray(key) : List.of();
    }

    /** The field as a boolean, {@code false} when it is absent or null. */
    static boolean bool(JsonObject object, String key) {
        return object != null && object.has(key) && !object.get(key).isJsonNull() && object.get(key).getAsBoolean();
    }
}
