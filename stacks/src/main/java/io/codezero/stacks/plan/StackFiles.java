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
            Object values = yaml(stackFile).get("config");
            if (values instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    String key = String.valueOf(k).contains(":") ? String.valueOf(k) : name + ":" + k;
                    if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                        secrets.add(key);
                        config.put(key, "offline-plan-secret");
                    } else if (v instanceof Map || v instanceof java.util.List) {
                        config.put(key, new Gson().toJson(v));
                    } else {
                        config.put(key, String.valueOf(v));
                    }
                });
            }
        } else if (!"dev".equals(stack)) {
            throw new IOException("no " + stackFile.getFileName() + " in " + dir);
        }
        return new StackFiles(name, config, secrets, mainClass(dir));
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
