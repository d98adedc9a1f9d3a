package io.codezero.stacks.plan;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code codezero plan DIR --objects-out FILE}: every Kubernetes object CodeZero itself authors in
 * an offline plan, as one multi-document YAML file that static checkers (kube-score, kubeconform)
 * read like manifests. Helm releases are left out: their objects are the charts', not ours. Secret
 * values, and every input the program marked secret, are masked.
 */
final class ObjectsExport {
    static final String HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String MASK = "(masked)";

    private ObjectsExport() {
    }

    /** The objects in registration order, each as apiVersion, kind, then the program's inputs. */
    static List<Map<String, Object>> objects(OfflineRun run) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (PlannedResource r : run.resources()) {
            if (!r.custom() || r.isProvider() || !r.packageName().equals("kubernetes") || r.type().equals(HELM_RELEASE)) {
                continue;
            }
            objects.add(object(r));
        }
        return objects;
    }

    static int write(OfflineRun run, Path file) throws IOException {
        List<Map<String, Object>> objects = objects(run);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            new Yaml(options).dumpAll(objects.iterator(), out);
        }
        return objects.size();
    }

    private static Map<String, Object> object(PlannedResource r) {
        // kubernetes:apps/v1:Deployment -> apps/v1, Deployment; the core group is written without a prefix.
        String[] token = r.type().split(":");
        String groupVersion = token[1].startsWith("core/") ? token[1].substring("core/".length()) : token[1];
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", groupVersion);
        object.put("kind", token[2]);
        r.inputs().forEach((key, value) -> {
            if (!key.equals("apiVersion") && !key.equals("kind")) {
                object.put(key, clean(value, key, r.secretInputs()));
            }
        });
        if (token[2].equals("Secret")) {
            for (String key : List.of("data", "stringData")) {
                if (object.get(key) instanceof Map<?, ?> values) {
                    Map<String, Object> masked = new LinkedHashMap<>();
                    values.keySet().forEach(k -> masked.put(String.valueOf(k), MASK));
                    object.put(key, masked);
                }
            }
        }
        return object;
    }

    /** Keeps a secret map's keys (so the object still has its shape) and hides every value. */
    private static Object masked(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), masked(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ObjectsExport::masked).toList();
        }
        return MASK;
    }

    /** Masks secret paths and writes whole numbers as integers (the engine hands every number over as a double). */
    private static Object clean(Object value, String path, Set<String> secretPaths) {
        if (secretPaths.contains(path)) {
            return masked(value);
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), clean(v, path + "." + k, secretPaths)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(clean(list.get(i), path + "." + i, secretPaths));
            }
            return out;
        }
        return value;
    }
}
