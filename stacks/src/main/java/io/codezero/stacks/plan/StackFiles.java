package io.codezero.stacks.plan;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.codezero.core.config.PulumiYaml;

/**
 * A Pulumi project directory as the offline plan reads it: the project name from Pulumi.yaml,
 * the stack's config from Pulumi.&lt;stack&gt;.yaml (secure values become masked placeholders) and
 * the program's main class from the pom's {@code codezero.mainClass} property.
 */
record StackFiles(String project, Map<String, String> config, Set<String> secretKeys, String mainClass) {

    static StackFiles read(Path dir, String stack) throws IOException {
        Path projectFile = dir.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(projectFile)) {
            throw new IOException(dir + " has no Pulumi.yaml; expected a Pulumi project directory such as examples/minikube");
        }
        Map<?, ?> project = yaml(projectFile);
        String name = String.valueOf(project.get("name"));
        Map<String, String> config = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        Path stackFile = dir.resolve("Pulumi." + stack + ".yaml");
        if (Files.isRegularFile(stackFile)) {
            Object values = stackYaml(stackFile).get("config");
            if (values != null && !(values instanceof Map)) {
                throw new PulumiYaml.InvalidYamlException(stackFile.getFileName() + ": config must be a mapping of keys "
                        + "(codezero:cluster: ...), found " + (values instanceof java.util.List ? "a list" : "a single value"));
            }
            if (values instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Object k = e.getKey();
                    Object v = e.getValue();
                    String key = String.valueOf(k).contains(":") ? String.valueOf(k) : name + ":" + k;
                    if (v == null) {
                        throw new PulumiYaml.InvalidYamlException(stackFile.getFileName() + ": " + key + " has no value; give it one "
                                + "(an empty object {} for a section's defaults), or remove the key");
                    }
                    if (isSecure(v)) {
                        secrets.add(key);
                        config.put(key, SECRET_PLACEHOLDER);
                    } else if (v instanceof Map || v instanceof java.util.List) {
                        // `pulumi config set --secret --path` stores {secure: ...} inside the object, and the whole key is secret
                        if (containsSecure(v)) {
                            secrets.add(key);
                        }
                        config.put(key, JSON.toJson(withoutSecure(v)));
                    } else {
                        config.put(key, String.valueOf(v));
                    }
                }
            }
        } else if (!"dev".equals(stack)) {
            throw new IOException("no " + stackFile.getFileName() + " in " + dir);
        }
        return new StackFiles(name, config, secrets, mainClass(dir));
    }

    private static final String SECRET_PLACEHOLDER = "offline-plan-secret";
    /** Nulls are kept, as Pulumi keeps them, so that a key written without a value is reported rather than dropped. */
    private static final Gson JSON = new com.google.gson.GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private static boolean isSecure(Object v) {
        return v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure");
    }

    private static boolean containsSecure(Object v) {
        if (isSecure(v)) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(StackFiles::containsSecure);
        }
        return v instanceof java.util.List<?> l && l.stream().anyMatch(StackFiles::containsSecure);
    }

    private static Object withoutSecure(Object v) {
        if (isSecure(v)) {
            return SECRET_PLACEHOLDER;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, withoutSecure(x)));
            return out;
        }
        if (v instanceof java.util.List<?> l) {
            return l.stream().map(StackFiles::withoutSecure).collect(java.util.stream.Collectors.toList());
        }
        return v;
    }

    /** A stack file may be empty (Pulumi reads it as no config). */
    private static Map<?, ?> stackYaml(Path file) throws IOException {
        Object loaded = PulumiYaml.load(Files.readString(file), file.toString());
        if (loaded == null) {
            return Map.of();
        }
        if (loaded instanceof Map<?, ?> map) {
            return map;
        }
        throw new PulumiYaml.InvalidYamlException(file + ": expected a YAML mapping (config: ...), found a single value or a list");
    }

    private static String mainClass(Path dir) throws IOException {
        Path pom = dir.resolve("pom.xml");
        if (Files.isRegularFile(pom)) {
            Matcher m = Pattern.compile("<codezero.mainClass>\\s*([\\w.$]+)\\s*</codezero.mainClass>").matcher(Files.readString(pom));
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IOException(dir + "/pom.xml has no <codezero.mainClass> property naming the program's class");
    }

    private static Map<?, ?> yaml(Path file) throws IOException {
        Object loaded = PulumiYaml.load(Files.readString(file), file.toString());
        if (loaded instanceof Map<?, ?> map) {
            return map;
        }
        throw new IOException(file + ": expected a YAML mapping (key: value lines), found " + (loaded == null ? "nothing" : "a single value"));
    }
}
