package io.codezero.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.provider.internal.properties.PropertyValue;
import io.codezero.core.validation.Problem;
import io.codezero.pkg.shape.Keys;
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
 * another type is a problem at the path the schema names. No section is free-form: every object the readers take is one
 * of the schema's types, and a key some reader accepts that the schema lacks fails {@link #everyKeyTheReadersAcceptIsInTheSchema}.
 */
class SchemaMatchesConfigTest {
    private static final JsonObject SCHEMA = PackageSchema.document("0.1.0");
    private static final List<String> TYPE_PROBLEMS = List.of("must be a single value", "must be text", "must be a whole number",
            "must be true or false", "must be an object", "must be a list");
    private static final String UNKNOWN = "zzNotASetting";
    private static final Object REMOVE = new Object();
    private static final String PROBES = "platform.apps[0].probes.";
    private static final String RECEIVER = "platform.metrics.receivers[0].";

    /**
     * Samples that steer the readers into each branch: some keys are read only for some values of others (the issuer,
     * a receiver's type, the app's kind, which one of http, tcp or exec a probe gives). These are inputs only; what each
     * branch accepts is still the readers' own answer. The first is the sample every check starts from.
     */
    private static final List<Map<String, Object>> VARIANTS = List.of(
            variant(null, "webhook", "http", "tcp", "exec"),
            variant(TargetInputs.DIGITALOCEAN, "slack", "tcp", "http", "exec"),
            variant(TargetInputs.GCP, "email", "exec", "http", "tcp"),
            variant(TargetInputs.AWS, "webhook", "http", "tcp", "exec"),
            variant(TargetInputs.AZURE, "slack", "tcp", "http", "exec"),
            variant(TargetInputs.BAREMETAL, "email", "exec", "http", "tcp"));

    /**
     * A target's section chooses it (TargetInputs): the existing cluster's inputs ({@code cloud} null), or one cloud's
     * section; every cloud of {@link TargetInputs#CLOUDS} is some variant's.
     */
    private static Map<String, Object> variant(String cloud, String receiverType, String probe, String notThis, String norThis) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (cloud != null) {
            TargetInputs.EXISTING_CLUSTER_KEYS.forEach(key -> overrides.put(key, REMOVE));
        }
        TargetInputs.CLOUDS.stream().filter(key -> !key.equals(cloud)).forEach(key -> overrides.put(key, REMOVE));
        if (TargetInputs.BAREMETAL.equals(cloud)) {
            // MetalLB's address ranges are read with its type only (with k3s' ServiceLB they are a problem)
            overrides.put("baremetal.loadBalancer.type", "metallb");
        }
        overrides.put("platform.certificates.issuer", "acme");
        overrides.put(RECEIVER + "type", receiverType);
        overrides.put("platform.apps[0].kind", "image");
        overrides.put("platform.apps[0].route.path", REMOVE);  // host or path, not both
        for (String which : List.of("startup", "readiness", "liveness")) {
            overrides.put(PROBES + which + "." + notThis, REMOVE);
            overrides.put(PROBES + which + "." + norThis, REMOVE);
        }
        return overrides;
    }

    @Test
    void everyKeyTheSchemaDeclaresIsReadWithTheSchemasType() {
        Set<String> neverRead = null;
        for (Map<String, Object> variant : VARIANTS) {
            List<Problem> problems = problems(sample(variant));
            assertThat(problems).filteredOn(p -> TYPE_PROBLEMS.stream().anyMatch(p.message()::startsWith)).isEmpty();
            Set<String> unknown = problems.stream().filter(p -> p.message().startsWith("is not a known setting"))
                    .map(Problem::field).collect(Collectors.toCollection(TreeSet::new));
            if (neverRead == null) {
                neverRead = unknown;
            } else {
                neverRead.retainAll(unknown);
            }
        }
        assertThat(neverRead).as("keys of the schema no reader reads in any branch").isEmpty();
    }

    @Test
    void nothingIsFreeFormEverySectionIsSpelledOut() {
        assertThat(PackageSchema.json("0.1.0")).doesNotContain("pulumi.json#/Any");
        assertThat(objectPaths().keySet()).contains("platform.certificates", "platform.certificates.acme", "platform.metrics",
                RECEIVER.substring(0, RECEIVER.length() - 1), "platform.signIn", "platform.apps[0]", "platform.apps[0].links[0]",
                "platform.apps[0].route", "platform.apps[0].probes", PROBES + "startup", PROBES + "readiness", PROBES + "liveness",
                "platform.apps[0].offers[0]", "platform.apps[0].resources", "platform.apps[0].quota");
        assertThat(keyedMaps().keySet()).containsExactlyInAnyOrder("platform.apps[0].resources.requests", "platform.apps[0].resources.limits");
    }

    @Test
    void everyCredentialTheReadersRefuseInPlainTextIsASecretInTheSchema() {
        // the readers' own word: a credential given outside a secret is a problem naming it
        Set<String> credentials = new TreeSet<>();
        for (Map<String, Object> variant : VARIANTS) {
            problems(sample(variant)).stream().filter(p -> p.message().startsWith("is a credential written in plain text"))
                    .forEach(p -> credentials.add(p.field()));
        }
        assertThat(credentials).contains("platform.signIn.clientSecret", RECEIVER + "password");
        // and the alert receivers' URLs, which AlertReceiver keeps secret and redacts in its problems
        credentials.add(RECEIVER + "url");
        Map<String, JsonObject> objects = objectPaths();
        for (String credential : credentials) {
            String parent = credential.substring(0, credential.lastIndexOf('.'));
            JsonObject property = objects.get(parent).getAsJsonObject("properties").getAsJsonObject(credential.substring(parent.length() + 1));
            assertThat(property.has("secret") && property.get("secret").getAsBoolean()).as("%s is secret", credential).isTrue();
        }
    }

    @Test
    void aCredentialPassedAsASecretIsTakenAndInPlainTextIsAProblem() {
        String field = "platform.signIn.clientSecret";
        for (boolean secret : new boolean[] {true, false}) {
            Object value = secret ? PropertyValue.ofSecret(PropertyValue.of("s3cr3t")) : "s3cr3t";
            Map<String, Object> signIn = new LinkedHashMap<>(Map.of("issuer", "https://id.example.com", "clientId", "codezero"));
            signIn.put("clientSecret", value);
            Map<String, Object> inputs = Map.of("platform", Map.of("domain", "example.com", "signIn", signIn));
            assertThat(problems(inputs)).as("clientSecret %s", secret ? "a secret" : "in plain text")
                    .filteredOn(p -> field.equals(p.field()) && p.message().startsWith("is a credential written in plain text"))
                    .hasSize(secret ? 0 : 1);
        }
    }

    @Test
    void everyKeyTheReadersAcceptIsInTheSchema() {
        Map<String, JsonObject> objects = objectPaths();
        assertThat(objects.keySet()).contains("", "cluster", "cluster.nodePools[0]", "cluster.nodePools[0].taints[0]",
                "cluster.network", "platform",
                "digitalocean", "digitalocean.project", "digitalocean.dropletSizes", "digitalocean.builtInPool", "digitalocean.maintenanceWindow",
                "gcp", "gcp.network", "gcp.maintenance", "gcp.maintenance.noMinorUpgrades", "gcp.machineTypes", "gcp.upgrades",
                "aws", "aws.vpc", "aws.instanceTypes", "aws.clusterAutoscaler", "azure", "azure.vnet", "azure.vmSizes",
                "azure.systemPool", "azure.kms", "baremetal", "baremetal.airgap", "baremetal.jumpHost", "baremetal.loadBalancer",
                "baremetal.hosts[0]");
        // every cloud target's section is kept by some variant (the others remove it)
        TargetInputs.CLOUDS.forEach(cloud -> assertThat(VARIANTS).as(cloud).anyMatch(v -> !v.containsKey(cloud)));
        objects.forEach((path, type) -> assertThat(readAt(path)).as("keys the readers accept at '%s'", path)
                .isEqualTo(new TreeSet<>(type.getAsJsonObject("properties").keySet())));
        keyedMaps().forEach((path, keys) -> assertThat(readAt(path)).as("keys the readers accept at '%s'", path).isEqualTo(keys));
    }

    /** The keys the readers accept at an object's path, over every branch: their "known settings here are ..." answer. */
    private static Set<String> readAt(String path) {
        Set<String> read = new TreeSet<>();
        String field = path.isEmpty() ? UNKNOWN : path + "." + UNKNOWN;
        for (Map<String, Object> variant : VARIANTS) {
            Map<String, Object> inputs = sample(variant);
            if (objectAt(inputs, path) == null) {
                continue;  // another target's section: not in this variant
            }
            objectAt(inputs, path).put(UNKNOWN, "x");
            problems(inputs).stream().filter(p -> field.equals(p.field())).findFirst().ifPresent(unknown -> {
                String known = unknown.message().substring(unknown.message().indexOf("known settings here are ") + 24)
                        .replaceFirst(" \\(in Python: .*\\)$", "");
                Arrays.stream(known.split(", ")).map(String::trim).forEach(read::add);
            });
        }
        assertThat(read).as("no reader reported an unknown key at '%s'", path).isNotEmpty();
        read.remove(UNKNOWN);
        return read;
    }

    @Test
    void aValueOfAnotherTypeIsAProblemAtTheSchemasPath() {
        List<String> checked = new ArrayList<>();
        objectPaths().forEach((path, type) -> type.getAsJsonObject("properties").entrySet().forEach(property -> {
            JsonObject spec = property.getValue().getAsJsonObject();
            if (spec.has("$ref") || spec.has("oneOf")) {
                return;  // objects: their keys are checked above
            }
            String kind = spec.get("type").getAsString();
            Object wrong = kind.equals("array") || kind.equals("object") ? "text" : List.of("a", "list");
            String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            // some branch of the readers reads the key, and there a value of another type is a problem at its path
            boolean reported = VARIANTS.stream().anyMatch(variant -> {
                Map<String, Object> inputs = sample(variant);
                if (objectAt(inputs, path) == null) {
                    return false;  // another target's section: not in this variant
                }
                objectAt(inputs, path).put(property.getKey(), wrong);
                // the reader's own problem, not TargetInputs' refusal of an existing-cluster input beside a cloud's section
                return problems(inputs).stream().anyMatch(p -> field.equals(p.field()) && !p.message().startsWith("is for an existing cluster"));
            });
            assertThat(reported).as("a %s at %s is a problem there", wrong, field).isTrue();
            checked.add(field);
        }));
        assertThat(checked).hasSizeGreaterThan(100);
    }

    @Test
    void theKubeconfigOutputIsASecretAndEveryPropertyIsDescribed() {
        JsonObject stack = SCHEMA.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK);
        assertThat(stack.getAsJsonObject("properties").getAsJsonObject("kubeconfig").get("secret").getAsBoolean()).isTrue();
        assertThat(stack.getAsJsonObject("properties").keySet()).containsExactlyInAnyOrder("kubeconfig", "gatewayAddress", "consoleUrls", "clusterName", "endpoint",
                "awsHandles", "azureHandles", "digitaloceanHandles", "gcpHandles");
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
        // outside a deployment: the secret keys a bare-metal section names are looked up in no config (not set)
        return StackConstruction.args("t", Inputs.of(inputs), key -> java.util.Optional.empty()).inputProblems();
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
            JsonObject ref = resolve(objectOf(spec));
            if (ref != null) {
                collect(at, ref, out);
            }
        }
    }

    /** The object a property holds: itself, or the object choice of a text-or-object property. */
    private static JsonObject objectOf(JsonObject spec) {
        if (spec.has("oneOf")) {
            for (JsonElement choice : spec.getAsJsonArray("oneOf")) {
                if (choice.getAsJsonObject().has("$ref")) {
                    return choice.getAsJsonObject();
                }
            }
        }
        return spec;
    }

    /** Maps whose keys the shape names ({@code @Keys}), by path, with those keys; read from the shape classes. */
    private static Map<String, Set<String>> keyedMaps() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        objectPaths().forEach((path, type) -> type.getAsJsonObject("properties").keySet().forEach(name -> {
            String[] keys = keysOf(type, name);
            if (keys != null) {
                out.put(path.isEmpty() ? name : path + "." + name, new TreeSet<>(List.of(keys)));
            }
        }));
        return out;
    }

    private static String[] keysOf(JsonObject type, String property) {
        String shape = SCHEMA.getAsJsonObject("types").entrySet().stream().filter(t -> t.getValue().equals(type))
                .map(t -> t.getKey().substring(t.getKey().lastIndexOf(':') + 1)).findFirst().orElse(null);
        if (shape == null) {
            return null;  // the stack's own inputs
        }
        try {
            Keys keys = Class.forName("io.codezero.pkg.shape." + shape + "Shape").getDeclaredField(property).getAnnotation(Keys.class);
            return keys == null ? null : keys.value();
        } catch (ReflectiveOperationException e) {
            return null;  // a property named after a Java keyword ($interface) carries no @Keys
        }
    }

    private static JsonObject resolve(JsonObject spec) {
        if (!spec.has("$ref") || !spec.get("$ref").getAsString().startsWith("#/types/")) {
            return null;
        }
        return SCHEMA.getAsJsonObject("types").getAsJsonObject(spec.get("$ref").getAsString().substring(8));
    }

    /** A value of every declared property, of its declared type, with a variant's overrides applied. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sample(Map<String, Object> variant) {
        Map<String, Object> inputs = sample(stackInputs());
        keyedMaps().forEach((path, keys) -> {
            Map<String, Object> map = objectAt(inputs, path);
            map.clear();
            keys.forEach(k -> map.put(k, "x"));
        });
        variant.forEach((path, value) -> {
            int dot = path.lastIndexOf('.');
            Map<String, Object> parent = objectAt(inputs, dot < 0 ? "" : path.substring(0, dot));
            if (value == REMOVE) {
                parent.remove(path.substring(dot + 1));
            } else {
                parent.put(path.substring(dot + 1), value);
            }
        });
        return inputs;
    }

    private static Map<String, Object> sample(JsonObject type) {
        Map<String, Object> out = new LinkedHashMap<>();
        type.getAsJsonObject("properties").entrySet().forEach(p -> out.put(p.getKey(), sampleOf(p.getValue().getAsJsonObject())));
        return out;
    }

    private static Object sampleOf(JsonObject spec) {
        spec = objectOf(spec);
        if (spec.has("$ref")) {
            return sample(resolve(spec));
        }
        return switch (spec.get("type").getAsString()) {
            case "string" -> "x";
            case "integer" -> 1;
            case "boolean" -> true;
            case "array" -> new ArrayList<>(List.of(sampleOf(spec.getAsJsonObject("items"))));
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
                if (at == null) {
                    return null;  // a section this sample leaves out
                }
                if (item) {
                    at = ((List<Object>) at).get(0);
                }
            }
        }
        return (Map<String, Object>) at;
    }
}
