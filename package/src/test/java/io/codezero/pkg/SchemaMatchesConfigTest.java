package io.codezero.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The derived schema against CodeZero's config readers, the source of truth for the {@code codezero:} config shape:
 * every key the schema declares is read, with the schema's type; every key the readers accept is declared; a value of
 * another type is a problem at the path the schema names.
 */
class SchemaMatchesConfigTest {
    private static final JsonObject SCHEMA = PackageSchema.document("0.1.0");
    private static final List<String> TYPE_PROBLEMS = List.of("must be a single value", "must be text", "must be a whole number",
            "must be true or false", "must be an object", "must be a list");
    private static final String UNKNOWN = "zzNotASetting";

    @Test
    void everyKeyTheSchemaDeclaresIsReadWithTheSchemasType() {
        List<Problem> problems = problems(sample(stackInputs()));
        assertThat(problems).filteredOn(p -> p.message().startsWith("is not a known setting")).isEmpty();
        assertThat(problems).filteredOn(p -> TYPE_PROBLEMS.stream().anyMatch(p.message()::startsWith)).isEmpty();
    }

    @Test
    void everyKeyTheReadersAcceptIsInTheSchema() {
        Map<String, JsonObject> objects = objectPaths();
        assertThat(objects.keySet()).contains("", "cluster", "cluster.nodePools[0]", "cluster.nodePools[0].taints[0]",
                "cluster.network", "platform");
        objects.forEach((path, type) -> {
            Map<String, Object> inputs = sample(stackInputs());
            objectAt(inputs, path).put(UNKNOWN, "x");
            String field = path.isEmpty() ? UNKNOWN : path + "." + UNKNOWN;
            Problem unknown = problems(inputs).stream().filter(p -> field.equals(p.field())).findFirst()
                    .orElseThrow(() -> new AssertionError("no problem for " + field));
            String known = unknown.message().substring(unknown.message().indexOf("known settings here are ") + 24)
                    .replaceFirst(" \\(in Python: .*\\)$", "");
            Set<String> read = Arrays.stream(known.split(", ")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
            read.remove(UNKNOWN);
            assertThat(read).as("keys the reader accepts at '%s'", path)
                    .isEqualTo(new TreeSet<>(type.getAsJsonObject("properties").keySet()));
        });
    }

    @Test
    void aValueOfAnotherTypeIsAProblemAtTheSchemasPath() {
        List<String> checked = new ArrayList<>();
        objectPaths().forEach((path, type) -> type.getAsJsonObject("properties").entrySet().forEach(property -> {
            JsonObject spec = property.getValue().getAsJsonObject();
            if (spec.has("$ref")) {
                return;  // objects: their keys are checked above; pulumi.json#/Any takes anything
            }
            Map<String, Object> inputs = sample(stackInputs());
            String kind = spec.get("type").getAsString();
            Object wrong = kind.equals("array") || kind.equals("object") ? "text" : List.of("a", "list");
            objectAt(inputs, path).put(property.getKey(), wrong);
            String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            assertThat(problems(inputs)).as("a %s at %s", wrong, field).anyMatch(p -> field.equals(p.field()));
            checked.add(field);
        }));
        assertThat(checked).hasSizeGreaterThan(25);
    }

    @Test
    void theKubeconfigOutputIsASecretAndEveryPropertyIsDescribed() {
        JsonObject stack = SCHEMA.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK);
        assertThat(stack.getAsJsonObject("properties").getAsJsonObject("kubeconfig").get("secret").getAsBoolean()).isTrue();
        assertThat(stack.getAsJsonObject("properties").keySet()).containsExactlyInAnyOrder("kubeconfig", "gatewayAddress", "consoleUrls");
        int[] counts = {0, 0};
        objectPaths().values().forEach(type -> type.getAsJsonObject("properties").entrySet().forEach(p -> {
            counts[1]++;
            assertThat(p.getValue().getAsJsonObject().get("description").getAsString()).as(p.getKey()).isNotBlank();
        }));
        counts[0] = SCHEMA.getAsJsonObject("types").size();
        System.out.printf("schema: 1 resource, %d types, %d input properties, %d bytes%n", counts[0], counts[1],
                PackageSchema.json("0.1.0").length());
    }

    private static List<Problem> problems(Map<String, Object> inputs) {
        return StackConstruction.args("t", Inputs.of(inputs)).inputProblems();
    }

    private static JsonObject stackInputs() {
        JsonObject stack = SCHEMA.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK);
        JsonObject type = new JsonObject();
        type.add("properties", stack.getAsJsonObject("inputProperties"));
        return type;
    }

    /** Every object the schema spells out, by the path its sample sits at (a list's first item for lists). */
    private static Map<String, JsonObject> objectPaths() {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        collect("", stackInputs(), out);
        return out;
    }

    private static void collect(String path, JsonObject type, Map<String, JsonObject> out) {
        out.put(path, type);
        for (Map.Entry<String, JsonElement> p : type.getAsJsonObject("properties").entrySet()) {
            JsonObject spec = p.getValue().getAsJsonObject();
            String at = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            if (spec.has("items")) {
                spec = spec.getAsJsonObject("items");
                at += "[0]";
            }
            JsonObject ref = resolve(spec);
            if (ref != null) {
                collect(at, ref, out);
            }
        }
    }

    private static JsonObject resolve(JsonObject spec) {
        if (!spec.has("$ref") || !spec.get("$ref").getAsString().startsWith("#/types/")) {
            return null;
        }
        return SCHEMA.getAsJsonObject("types").getAsJsonObject(spec.get("$ref").getAsString().substring(8));
    }

    /** A value of every declared property, of its declared type; free-form sections empty (a layer with its defaults). */
    private static Map<String, Object> sample(JsonObject type) {
        Map<String, Object> out = new LinkedHashMap<>();
        type.getAsJsonObject("properties").entrySet().forEach(p -> out.put(p.getKey(), sampleOf(p.getValue().getAsJsonObject())));
        return out;
    }

    private static Object sampleOf(JsonObject spec) {
        if (spec.has("$ref")) {
            JsonObject ref = resolve(spec);
            return ref == null ? new LinkedHashMap<String, Object>() : sample(ref);
        }
        return switch (spec.get("type").getAsString()) {
            case "string" -> "x";
            case "integer" -> 1;
            case "boolean" -> true;
            case "array" -> resolve(spec.getAsJsonObject("items")) == null && spec.getAsJsonObject("items").has("$ref")
                    ? new ArrayList<>() : new ArrayList<>(List.of(sampleOf(spec.getAsJsonObject("items"))));
            case "object" -> new LinkedHashMap<>(Map.of("k", "v"));
            default -> throw new IllegalStateException(spec.toString());
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectAt(Map<String, Object> root, String path) {
        Object at = root;
        if (!path.isEmpty()) {
            for (String segment : path.split("\\.")) {
                boolean item = segment.endsWith("[0]");
                at = ((Map<String, Object>) at).get(item ? segment.substring(0, segment.length() - 3) : segment);
                if (item) {
                    at = ((List<Object>) at).get(0);
                }
            }
        }
        return (Map<String, Object>) at;
    }
}
