package io.codezero.examples.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.gcp.cluster.MasterWebhookFirewall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Istio's webhooks are reachable on a private GKE cluster (issue 22, defect 2). GKE's automatic rule lets the
 * control plane reach private nodes on 443 and 10250 only; every admission webhook a chart of the example installs
 * must listen on one of those or on a port of the plan's firewall rule from the control plane's range. The webhook
 * ports are read from the charts themselves (../shared/charts) with the plan's values, so a chart that moves its
 * webhook, or a new chart with a webhook this test does not know, fails it.
 */
class MasterWebhookFirewallTest {
    private static final Pattern ISTIOD_WEBHOOK = Pattern.compile("- port: 443\\s*\\n\\s*name: [^\\n]+\\n\\s*targetPort: (\\d+)");

    /** Where the pods behind a chart's webhooks listen, from the chart and the release's values; empty: the chart installs none. */
    static List<Integer> webhookPorts(IstioChart chart, Map<String, Object> release) {
        switch (chart.name()) {
            case "istiod", "base" -> {
                // base's default-revision webhook calls istiod's Service like istiod's own webhooks: its 443 → targetPort
                IstioChart istiod = new IstioChart(IstioChart.directoriesOf("istiod").get(0));
                Matcher m = ISTIOD_WEBHOOK.matcher(istiod.file("templates/service.yaml"));
                assertThat(m.find()).as("istiod's Service still maps its webhook port 443").isTrue();
                return List.of(Integer.parseInt(m.group(1)));
            }
            case "cert-manager" -> {
                return List.of(((Number) IstioChart.at(chart.helmEffective(release), "webhook.securePort")).intValue());
            }
            case "kube-prometheus-stack" -> {
                Map<String, Object> values = chart.helmEffective(release);
                if (!Boolean.TRUE.equals(IstioChart.at(values, "prometheusOperator.enabled"))
                        || !Boolean.TRUE.equals(IstioChart.at(values, "prometheusOperator.admissionWebhooks.enabled"))) {
                    return List.of();
                }
                List<Integer> ports = new ArrayList<>(List.of(((Number) IstioChart.at(values, "prometheusOperator.tls.internalPort")).intValue()));
                if (Boolean.TRUE.equals(IstioChart.at(values, "prometheusOperator.admissionWebhooks.deployment.enabled"))) {
                    ports.add(((Number) IstioChart.at(values, "prometheusOperator.admissionWebhooks.deployment.tls.internalPort")).intValue());
                }
                return ports;
            }
            case "loki" -> {
                // its webhooks come only with the rollout operator
                assertThat(IstioChart.at(chart.helmEffective(release), "rollout_operator.enabled")).as("loki's rollout operator").isEqualTo(false);
                return List.of();
            }
            default -> {
                String templates = chart.templates();
                assertThat(templates.contains("kind: ValidatingWebhookConfiguration") || templates.contains("kind: MutatingWebhookConfiguration"))
                        .as(chart.name() + " installs an admission webhook this test does not know: add where its pods listen").isFalse();
                return List.of();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyWebhookTheExampleInstallsIsReachableFromTheControlPlane() throws IOException {
        OfflineRun run = GkeMeshStartsTest.plan("sidecar");
        PlannedResource cluster = run.get("gcp:container/cluster:Cluster", "codezero-dev-gke");
        PlannedResource rule = run.get("gcp:compute/firewall:Firewall", "codezero-dev-master-webhooks");
        assertThat(rule.input("direction")).isEqualTo("INGRESS");
        assertThat(rule.input("sourceRanges")).isEqualTo(List.of(cluster.input("privateClusterConfig.masterIpv4CidrBlock")));
        assertThat(rule.input("network")).isEqualTo(cluster.input("network"));
        for (PlannedResource pool : run.ofType("gcp:container/nodePool:NodePool")) {
            assertThat(rule.input("targetServiceAccounts")).isEqualTo(List.of(pool.input("nodeConfig.serviceAccount")));
            assertThat(run.dependsOn(pool, rule)).as("nodes (and every webhook on them) come after the rule").isTrue();
        }
        assertThat(rule.input("allows.0.protocol")).isEqualTo("tcp");
        TreeSet<Integer> open = new TreeSet<>(MasterWebhookFirewall.GKE_OPENS);
        ((List<Object>) rule.input("allows.0.ports")).forEach(p -> open.add(Integer.parseInt(p.toString())));

        Map<String, List<Integer>> webhooks = new LinkedHashMap<>();
        for (PlannedResource release : run.ofType("kubernetes:helm.sh/v3:Release")) {
            String chart = (String) release.input("chart");
            List<String> dirs = IstioChart.directoriesOf(chart);
            assertThat(dirs).as("an upstream chart " + chart).isNotEmpty();
            String version = String.valueOf(release.input("version"));
            String dir = dirs.stream().filter(d -> version.startsWith(d.substring(d.lastIndexOf('-') + 1)) || d.endsWith("-" + version))
                    .findFirst().orElse(dirs.get(dirs.size() - 1));
            Map<String, Object> values = release.input("values") == null ? Map.of() : (Map<String, Object>) release.input("values");
            List<Integer> ports = webhookPorts(new IstioChart(dir), values);
            if (!ports.isEmpty()) {
                webhooks.put(release.name() + " (" + dir + ")", ports);
            }
        }
        System.out.println("webhook ports from the charts: " + webhooks + "; open from the control plane: " + open);
        assertThat(webhooks).as("the example installs webhooks (istiod, cert-manager, the Prometheus operator)").hasSizeGreaterThanOrEqualTo(3);
        webhooks.forEach((release, ports) -> assertThat(open).as(release).containsAll(ports));
        assertThat(webhooks.values().stream().flatMap(List::stream)).contains(15017);
    }
}
