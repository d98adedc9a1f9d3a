package io.codezero.baremetal.install;

import java.util.HashMap;
import java.util.Map;

/**
 * Node names claimed by the machines this process is working on, per cluster. Two machines with the
 * same hostname joining in the same wave would each find no Node of that name in the API yet; the
 * claim made while validating tells the second one. A claim lasts as long as its machine's run: by
 * then the Node exists and the API check takes over.
 */
public final class NodeNames {
    private final Map<String, Map<String, String>> claims = new HashMap<>();

    /** What {@link #claim} hands out; closing it gives the name back. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Claims {@code name} in {@code cluster} for {@code machine}.
     *
     * @return the claim, or null when another machine of this run holds the name ({@link #holder} says which)
     */
    public Claim claim(String cluster, String name, String machine) {
        synchronized (claims) {
            Map<String, String> names = claims.computeIfAbsent(cluster, k -> new HashMap<>());
            String holder = names.get(name);
            if (holder != null && !holder.equals(machine)) {
                return null;
            }
            names.put(name, machine);
        }
        return () -> {
            synchronized (claims) {
                Map<String, String> names = claims.get(cluster);
                if (names != null && machine.equals(names.get(name))) {
                    names.remove(name);
                    if (names.isEmpty()) {
                        claims.remove(cluster);
                    }
                }
            }
        };
    }

    /** The machine holding {@code name} in {@code cluster}, or null. */
    public String holder(String cluster, String name) {
        synchronized (claims) {
            return claims.getOrDefault(cluster, Map.of()).get(name);
        }
    }
}
