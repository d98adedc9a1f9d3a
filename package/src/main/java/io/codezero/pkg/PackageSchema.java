package io.codezero.pkg;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.codezero.pkg.shape.Doc;
import io.codezero.pkg.shape.AlsoText;
import io.codezero.pkg.shape.Keys;
import io.codezero.pkg.shape.Required;
import io.codezero.pkg.shape.Secret;
import io.codezero.pkg.shape.StackShape;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The package schema, derived by reflection from the shape classes ({@link StackShape} and what it refers to): field
 * names become property names, field types become schema types, {@link Doc} descriptions, {@link Secret} secrets,
 * {@link Required} required lists, {@link AlsoText} a choice of text or the object, {@link Keys} the keys of a map whose keys
 * are no identifiers ({@code ephemeral-storage}). Nothing of it is written by hand, so it cannot drift from the classes; and
 * {@code SchemaMatchesConfigTest} holds the classes to what CodeZero's config readers accept.
 */
public final class PackageSchema {
    /** The package name: the first segment of every token ({@code codezero:index:Stack}). */
    public static final String NAME = "codezero";
    /** The one component the package hosts; the same token the Java component registers. */
    public static final String STACK = NAME + ":index:Stack";

    private final Map<String, JsonObject> types = new TreeMap<>();

    private PackageSchema() {
    }

    /**
     * The schema as JSON.
     *
     * @param version the package version the schema states (the plugin's version)
     * @return the schema document Pulumi's {@code GetSchema} returns
     */
    public static String json(String version) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document(version));
    }

    /**
     * The schema as a JSON tree.
     *
     * @param version the package version the schema states
     * @return the schema document
     */
    public static JsonObject document(String version) {
        PackageSchema schema = new PackageSchema();
        JsonObject stack = new JsonObject();
        stack.addProperty("isComponent", true);
        stack.addProperty("description", StackShape.class.getAnnotation(Doc.class).value());
        JsonObject inputs = schema.properties(StackShape.class);
        stack.add("inputProperties", inputs.getAsJsonObject("properties"));
        stack.add("requiredInputs", inputs.getAsJsonArray("required"));
        JsonObject outputs = schema.properties(StackShape.Outputs.class);
        stack.add("properties", outputs.getAsJsonObject("properties"));
        stack.add("required", outputs.getAsJsonArray("required"));

        JsonObject doc = new JsonObject();
        doc.addProperty("name", NAME);
        doc.addProperty("displayName", "CodeZero");
        doc.addProperty("version", version);
        doc.addProperty("description", "A complete Kubernetes platform (Istio, certificates, metrics, logs, dashboards, GUI, apps) "
                + "as one component, from any Pulumi language.");
        JsonObject resources = new JsonObject();
        resources.add(STACK, stack);
        doc.add("resources", resources);
        JsonObject typeSection = new JsonObject();
        schema.types.forEach((name, type) -> typeSection.add(NAME + ":index:" + name, type));
        doc.add("types", typeSection);
        JsonObject language = new JsonObject();
        JsonObject respect = new JsonObject();
        respect.addProperty("respectSchemaVersion", true);
        for (String lang : List.of("nodejs", "python", "go", "csharp", "java")) {
            language.add(lang, respect.deepCopy());
        }
        doc.add("language", language);
        return doc;
    }

    private JsonObject properties(Class<?> shape) {
        JsonObject properties = new JsonObject();
        JsonArray required = new JsonArray();
        for (Field field : shape.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String name = propertyName(field);
            JsonObject property = type(field.getGenericType(), name);
            if (field.isAnnotationPresent(AlsoText.class)) {
                JsonObject text = new JsonObject();
                text.addProperty("type", "string");
                JsonArray oneOf = new JsonArray();
                oneOf.add(text);
                oneOf.add(property);
                property = new JsonObject();
                property.add("oneOf", oneOf);
            }
            Doc doc = field.getAnnotation(Doc.class);
            if (doc == null) {
                throw new IllegalStateException(shape.getSimpleName() + "." + name + " has no @Doc");
            }
            Keys keys = field.getAnnotation(Keys.class);
            property.addProperty("description", keys == null ? doc.value() : doc.value() + " Keys: " + String.join(", ", keys.value()) + ".");
            if (field.isAnnotationPresent(Secret.class)) {
                property.addProperty("secret", true);
            }
            if (field.isAnnotationPresent(Required.class)) {
                required.add(name);
            }
            properties.add(name, property);
        }
        JsonObject out = new JsonObject();
        out.add("properties", properties);
        out.add("required", required);
        return out;
    }

    /** The field's name as the config spells it; a leading {@code $} lets a Java keyword be one ({@code $interface}). */
    private static String propertyName(Field field) {
        return field.getName().startsWith("$") ? field.getName().substring(1) : field.getName();
    }

    private JsonObject type(Type type, String where) {
        JsonObject spec = new JsonObject();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            spec.addProperty("type", "array");
            spec.add("items", type(p.getActualTypeArguments()[0], where));
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class && p.getActualTypeArguments()[0] == String.class) {
            spec.addProperty("type", "object");
            spec.add("additionalProperties", type(p.getActualTypeArguments()[1], where));
        } else if (type == String.class) {
            spec.addProperty("type", "string");
        } else if (type == Integer.class) {
            spec.addProperty("type", "integer");
        } else if (type == Boolean.class) {
            spec.addProperty("type", "boolean");
        } else if (type instanceof Class<?> c && c.getPackage() == StackShape.class.getPackage()) {
            String name = c.getSimpleName().replaceFirst("Shape$", "");
            if (!types.containsKey(name)) {
                types.put(name, new JsonObject());  // a placeholder first: a shape may refer to itself
                JsonObject object = properties(c);
                object.addProperty("type", "object");
                Doc doc = c.getAnnotation(Doc.class);
                if (doc != null) {
                    object.addProperty("description", doc.value());
                }
                types.put(name, object);
            }
            spec.addProperty("$ref", "#/types/" + NAME + ":index:" + name);
        } else {
            throw new IllegalStateException(where + ": no schema type for " + type.getTypeName());
        }
        return spec;
    }
}
