package io.codezero.platform.apps;

import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one app container is guaranteed (requests) and may use at most (limits): CPU, memory and ephemeral
 * storage (its writable scratch directories and logs).
 */
public record Resources(Amounts requests, Amounts limits) {

    /** Refuses missing amounts. */
    public Resources {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(limits, "limits");
    }

    /** @param ephemeralStorage scratch space: emptyDirs, the container's logs */
    public record Amounts(String cpu, String memory, String ephemeralStorage) {
        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("cpu", cpu);
            map.put("memory", memory);
            map.put("ephemeral-storage", ephemeralStorage);
            return map;
        }
    }

    /** For an app nothing is known about: a small guarantee, room for bursts. */
    public static Resources defaults() {
        return new Resources(new Amounts("50m", "64Mi", "64Mi"), new Amounts("500m", "256Mi", "1Gi"));
    }

    /** The requests as Kubernetes writes them (cpu, memory, ephemeral-storage). */
    public Map<String, String> requestMap() {
        return requests.asMap();
    }

    /** The limits as Kubernetes writes them (cpu, memory, ephemeral-storage). */
    public Map<String, String> limitMap() {
        return limits.asMap();
    }

    List<Problem> problems(String at) {
        List<Problem> problems = new ArrayList<>();
        check(at + ".requests", requests, problems);
        check(at + ".limits", limits, problems);
        if (problems.isEmpty()) {
            requests.asMap().forEach((key, request) -> {
                String limit = limits.asMap().get(key);
                if (KubeQuantity.parse(request).compareTo(KubeQuantity.parse(limit)) > 0) {
                    problems.add(Problem.of(at + ".limits." + key, limit, "must be at least the request (" + request + ")"));
                }
            });
        }
        return problems;
    }

    private static void check(String at, Amounts amounts, List<Problem> problems) {
        amounts.asMap().forEach((key, value) -> {
            boolean ok = key.equals("cpu") ? KubeQuantity.isCpu(value) : KubeQuantity.isBytes(value);
            if (!ok) {
                problems.add(Problem.of(at + "." + key, value, key.equals("cpu")
                        ? "must be a CPU amount such as 100m, 0.5 or 2"
                        : "must be a size such as 64Mi, 512Mi or 2Gi"));
            }
        });
    }
}
