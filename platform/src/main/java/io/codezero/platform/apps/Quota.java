package io.codezero.platform.apps;

import io.codezero.core.validation.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ceiling for everything in an app's namespace (a ResourceQuota), with a LimitRange that gives containers
 * which declare nothing (an injected sidecar, a debug pod) requests and limits, so the quota can count them.
 * A null field is not limited.
 *
 * @param cpu     total CPU limits (and requests) of all pods
 * @param memory  total memory limits (and requests) of all pods
 * @param storage total size of all volume claims
 * @param pods    number of pods, 0 for no limit
 */
public record Quota(String cpu, String memory, String storage, int pods) {

    /** What the LimitRange gives a container that declares nothing. */
    public static final Resources CONTAINER_DEFAULTS = new Resources(new Resources.Amounts("50m", "64Mi", "64Mi"),
            new Resources.Amounts("500m", "256Mi", "1Gi"));

    /** The ResourceQuota's {@code hard} map. */
    public Map<String, String> hard() {
        Map<String, String> hard = new LinkedHashMap<>();
        if (cpu != null) {
            hard.put("requests.cpu", cpu);
            hard.put("limits.cpu", cpu);
        }
        if (memory != null) {
            hard.put("requests.memory", memory);
            hard.put("limits.memory", memory);
        }
        if (storage != null) {
            hard.put("requests.storage", storage);
        }
        if (pods > 0) {
            hard.put("pods", String.valueOf(pods));
        }
        return hard;
    }

    /**
     * Problems with the quota itself and with fitting the app's own pods in it: {@code replicas} pods plus one more
     * during a rolling update, each with the app container's limits, and the app's volumes.
     */
    List<Problem> problems(String at, AppSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (cpu == null && memory == null && storage == null && pods == 0) {
            problems.add(Problem.of(at, "{}", "give at least one of cpu, memory, storage, pods"));
        }
        if (cpu != null && !KubeQuantity.isCpu(cpu)) {
            problems.add(Problem.of(at + ".cpu", cpu, "must be a CPU amount such as 2 or 1500m"));
        }
        if (memory != null && !KubeQuantity.isBytes(memory)) {
            problems.add(Problem.of(at + ".memory", memory, "must be a size such as 2Gi"));
        }
        if (storage != null && !KubeQuantity.isBytes(storage)) {
            problems.add(Problem.of(at + ".storage", storage, "must be a size such as 50Gi"));
        }
        if (pods < 0 || pods > 1000) {
            problems.add(Problem.of(at + ".pods", pods, "must be between 1 and 1000 (0 or absent: no limit)"));
        }
        if (!problems.isEmpty() || !(spec.workload() instanceof Workload.Image)) {
            return problems;
        }
        int podsNeeded = spec.replicas() + (spec.volumes().isEmpty() ? 1 : 0);
        String why = " pods of this app (" + spec.replicas() + " replicas" + (spec.volumes().isEmpty() ? " and one more during a rolling update" : "")
                + ")";
        if (pods > 0 && pods < podsNeeded) {
            problems.add(Problem.of(at + ".pods", pods, "must be at least " + podsNeeded + " to run the" + why));
        }
        fits(at + ".cpu", cpu, spec.resources().limits().cpu(), podsNeeded, why, problems);
        fits(at + ".memory", memory, spec.resources().limits().memory(), podsNeeded, why, problems);
        if (storage != null && spec.volumes().stream().allMatch(v -> KubeQuantity.isBytes(v.size()))) {
            BigDecimal volumes = spec.volumes().stream().map(v -> KubeQuantity.parse(v.size())).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (KubeQuantity.parse(storage).compareTo(volumes) < 0) {
                problems.add(Problem.of(at + ".storage", storage, "must be at least the app's volumes together (" + volumes.toBigInteger() + " bytes)"));
            }
        }
        return problems;
    }

    private static void fits(String at, String quota, String limit, int pods, String why, List<Problem> problems) {
        if (quota == null || !(KubeQuantity.isCpu(limit) || KubeQuantity.isBytes(limit))) {
            return;
        }
        BigDecimal needed = KubeQuantity.parse(limit).multiply(BigDecimal.valueOf(pods));
        if (KubeQuantity.parse(quota).compareTo(needed) < 0) {
            problems.add(Problem.of(at, quota, "must be at least " + pods + " x " + limit + " (the container limit) for the" + why
                    + "; a mesh sidecar adds " + (at.endsWith("cpu") ? CONTAINER_DEFAULTS.limits().cpu() : CONTAINER_DEFAULTS.limits().memory())
                    + " per pod"));
        }
    }
}
