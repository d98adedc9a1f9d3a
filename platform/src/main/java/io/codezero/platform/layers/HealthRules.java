package io.codezero.platform.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CodeZero's default alert rules on top of the chart's: one group each for cluster, node and mesh
 * health, written for what a platform operator must act on.
 */
final class HealthRules {
    private HealthRules() {
    }

    static Map<String, Object> spec() {
        return Map.of("groups", List.of(
                group("codezero-cluster", List.of(
                        rule("CodeZeroPodCrashLooping", "increase(kube_pod_container_status_restarts_total[15m]) > 3", "15m", "warning",
                                "Pod {{ $labels.namespace }}/{{ $labels.pod }} restarted more than 3 times in 15 minutes"),
                        rule("CodeZeroVolumeAlmostFull",
                                "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.10", "10m", "warning",
                                "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has less than 10% free"))),
                group("codezero-node", List.of(
                        rule("CodeZeroNodeNotReady", "kube_node_status_condition{condition=\"Ready\",status=\"true\"} == 0", "5m", "critical",
                                "Node {{ $labels.node }} is not ready"),
                        rule("CodeZeroNodeMemoryPressure",
                                "node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.05", "10m", "warning",
                                "Node {{ $labels.instance }} has less than 5% memory available"))),
                group("codezero-mesh", List.of(
                        rule("CodeZeroIstiodDown", "absent(up{job=\"istiod\"} == 1)", "5m", "critical",
                                "istiod is down: new workloads get no sidecar and config changes are not pushed"),
                        rule("CodeZeroMeshHighErrorRate",
                                "sum by (destination_service) (rate(istio_requests_total{response_code=~\"5..\"}[5m]))"
                                        + " / sum by (destination_service) (rate(istio_requests_total[5m])) > 0.05", "10m", "warning",
                                "More than 5% of requests to {{ $labels.destination_service }} fail")))));
    }

    private static Map<String, Object> group(String name, List<Object> rules) {
        return Map.of("name", name, "rules", rules);
    }

    private static Object rule(String alert, String expr, String duration, String severity, String summary) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("alert", alert);
        rule.put("expr", expr);
        rule.put("for", duration);
        rule.put("labels", Map.of("severity", severity));
        rule.put("annotations", Map.of("summary", summary));
        return rule;
    }
}
