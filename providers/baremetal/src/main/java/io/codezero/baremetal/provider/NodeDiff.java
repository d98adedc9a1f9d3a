package io.codezero.baremetal.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes between the recorded state and the new inputs, property by property, and which
 * changes replace the node. Also reports drift found by refresh: an installed version other than the
 * one asked for, or k3s not running, becomes an in-place update.
 */
final class NodeDiff {
    /** Changing these means another machine or another node identity: the node is removed and created again. */
    static final Set<String> REPLACE_PATHS = Set.of("connection.host", "nodeName", "clusterInit");

    enum Kind { UPDATE, UPDATE_REPLACE, ADD, ADD_REPLACE, DELETE, DELETE_REPLACE }

    record Change(String path, Kind kind) {
    }

    private NodeDiff() {
    }

    static List<Change> compute(Map<String, Object> olds, Map<String, Object> news) {
        Map<String, Object> oldInputs = NodeInputs.withoutComputed(olds);
        List<Change> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(oldInputs.keySet());
        keys.addAll(news.keySet());
        for (String key : keys) {
            Object o = PropertyValues.reveal(oldInputs.get(key));
            Object n = PropertyValues.reveal(news.get(key));
            if (key.equals("connection") && o instanceof Map<?, ?> om && n instanceof Map<?, ?> nm) {
                Set<Object> sub = new LinkedHashSet<>(om.keySet());
                sub.addAll(nm.keySet());
                for (Object s : sub) {
                    if (!same(om.get(s), nm.get(s))) {
                        String path = "connection." + s;
                        changes.add(new Change(path, kind(path, om.get(s), nm.get(s))));
                    }
                }
            } else if (!same(o, n) && !keepsOwnToken(key, o, n, olds)) {
                changes.add(new Change(key, kind(key, o, n)));
            }
        }
        // Drift recorded by refresh (Read): the machine no longer matches what was installed.
        Object wanted = PropertyValues.reveal(news.get("k3sVersion"));
        Object installed = olds.get("installedVersion");
        if (installed != null && wanted != null && wanted != PropertyValues.UNKNOWN && !installed.equals(wanted)
                && changes.stream().noneMatch(c -> c.path().equals("k3sVersion"))) {
            changes.add(new Change("k3sVersion", Kind.UPDATE));
        }
        if (Boolean.FALSE.equals(olds.get("running"))) {
            changes.add(new Change("running", Kind.UPDATE));
        }
        return changes;
    }

    /**
     * A first server created before join tokens were chosen up front has no token input: k3s drew one,
     * recorded as its clusterToken output. The JoinToken that CodeZero now registers reads that very
     * token from the machine, so being handed it is no change (nothing restarts, nothing rotates).
     */
    private static boolean keepsOwnToken(String key, Object o, Object n, Map<String, Object> olds) {
        if (key.equals("token") && n == PropertyValues.UNKNOWN && (o != null || olds.get("clusterToken") != null)) {
            // A preview before the JoinToken exists (the first run of a stack made before it): its value is not known
            // yet, and it will be this cluster's own token. The run itself diffs again with the value known.
            return true;
        }
        return key.equals("token") && (o == null || "".equals(o)) && n instanceof String given
                && Boolean.TRUE.equals(PropertyValues.reveal(olds.get("clusterInit")))
                && given.equals(PropertyValues.reveal(olds.get("clusterToken")));
    }

    static boolean replaces(List<Change> changes) {
        return changes.stream().anyMatch(c -> c.kind().name().endsWith("REPLACE"));
    }

    private static Kind kind(String path, Object o, Object n) {
        boolean replace = REPLACE_PATHS.contains(path);
        if (o == null) {
            return replace ? Kind.ADD_REPLACE : Kind.ADD;
        }
        if (n == null) {
            return replace ? Kind.DELETE_REPLACE : Kind.DELETE;
        }
        return replace ? Kind.UPDATE_REPLACE : Kind.UPDATE;
    }

    private static boolean same(Object a, Object b) {
        if (a == PropertyValues.UNKNOWN || b == PropertyValues.UNKNOWN) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(normalize(a), normalize(b));
    }

    private static Object normalize(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, normalize(v));
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = l.stream().map(NodeDiff::normalize).toList();
            return out.isEmpty() ? null : out;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s && s.isEmpty()) {
            return null;
        }
        return o;
    }
}
