package io.codezero.examples.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.baremetal.engine.PulumiCli;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinControlPlane;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.core.testing.DocClaims;
import io.codezero.core.testing.TestPrerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * This example as users run it, through the real Pulumi engine: its {@link App} (BareMetalTarget inside
 * CodeZeroStack, every platform layer, apps) on SSH test machines whose stand-in k3s serves a real
 * Kubernetes API ({@link StandinControlPlane}). The stack settings are the example's Pulumi.dev.yaml
 * with the harness machines' addresses and pinned host keys, the stand-in as airgap assets and the
 * charts from ../shared/charts (as in examples/minikube's e2e stack). Then: preview, up,
 * checks on the live cluster, no-change preview, an in-place k3s upgrade, a machine removed, destroy.
 * Opt-in (tag "engine"); needs root, the e2e toolchain and {@code mvn package} of providers/baremetal.
 */
@Tag("engine")
class ExampleEngineHarnessTest {
    static final String V1 = "v1.34.1+k3s1";
    static final String V2 = "v1.34.2+k3s1";
    /** The page whose engine figures this test holds, number for number. */
    static final String DOC = "docs/baremetal.md";
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final Path PLUGIN = REPO.resolve("providers/baremetal/target/plugin");
    /** Chart key (codezero:platform.chartSources) -> directory in ../shared/charts, as in examples/minikube/Pulumi.e2e.yaml. */
    static final Map<String, String> CHARTS = new LinkedHashMap<>();

    static {
        CHARTS.put("istio-base", "istio-base-1.31");
        CHARTS.put("istiod", "istiod-1.31");
        CHARTS.put("istio-gateway", "istio-gateway-1.31");
        CHARTS.put("istio-cni", "istio-cni-1.31");
        CHARTS.put("istio-ztunnel", "istio-ztunnel-1.31");
        CHARTS.put("cert-manager", "cert-manager-v1.21.1");
        CHARTS.put("prometheus-operator-crds", "prometheus-operator-crds-31.0.1");
        CHARTS.put("kube-prometheus-stack", "kube-prometheus-stack-88.2.0");
        CHARTS.put("loki", "loki-11.7.0");
        CHARTS.put("alloy", "alloy-1.11.1");
        CHARTS.put("grafana", "grafana-12.7.2");
        CHARTS.put("headlamp", "headlamp-0.43.0");
        CHARTS.put("kiali-server", "kiali-server-2.29.0");
    }

    @TempDir
    Path work;
    final Map<String, Long> steps = new LinkedHashMap<>();

    static Path sharedCharts() {
        String env = System.getenv("CODEZERO_SHARED_CHARTS");
        if (env != null) {
            return Path.of(env);
        }
        // ../shared/charts next to the repository (a worktree one level deeper finds it one more up)
        for (Path dir = REPO.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/charts"))) {
                return dir.resolve("shared/charts");
            }
        }
        return REPO.resolveSibling("shared/charts");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleOnSshMachinesThroughTheRealEngine() throws Exception {
        PulumiCli.requireToolchain(PLUGIN, "pulumi-resource-kubernetes", "pulumi-resource-random", "helm");
        Path charts = sharedCharts();
        TestPrerequisites.require(Files.isDirectory(charts.resolve("istiod-1.31")), "no charts at " + charts + " (../shared/charts)");
        PulumiCli cli = new PulumiCli(work, PLUGIN);
        long started = System.nanoTime();
        try (SshHostHarness harness = SshHostHarness.startWithControlPlane(3)) {
            step("machines up", started);
            Path project = cli.project(App.class);
            Files.createSymbolicLink(project.resolve("charts"), charts);
            cli.ok(project, "plugin", "install", "resource", "kubernetes", "4.0.0", "--file", PulumiCli.BIN.resolve("pulumi-resource-kubernetes").toString());
            cli.ok(project, "plugin", "install", "resource", "random", "4.21.4", "--file", PulumiCli.BIN.resolve("pulumi-resource-random").toString());
            cli.ok(project, "stack", "init", "dev", "--secrets-provider", "passphrase");

            Map<String, Object> example = new Yaml().load(Files.readString(Path.of("Pulumi.dev.yaml")));
            Map<String, Object> config = (Map<String, Object>) example.get("config");
            Map<String, Object> baremetal = (Map<String, Object>) config.get("codezero:baremetal");
            List<Map<String, Object>> hosts = (List<Map<String, Object>>) baremetal.get("hosts");
            assertThat(hosts).as("the example's machines").hasSize(3);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                TestHost h = harness.host(i);
                hosts.get(i).put("address", h.address());
                hosts.get(i).put("hostKey", h.hostKey());
                names.add((String) hosts.get(i).get("name"));
            }
            String firstServer = names.get(0);
            assertThat(hosts.get(0)).containsEntry("role", "server");
            Map<String, Object> platform = (Map<String, Object>) config.get("codezero:platform");
            assertThat(platform).as("the example's layers and apps").containsKeys("istio", "certificates", "metrics", "logs", "dashboards",
                    "gui", "apps");
            Map<String, Object> sources = new LinkedHashMap<>();
            CHARTS.forEach((key, dir) -> sources.put(key, "charts/" + dir));
            platform.put("chartSources", sources);
            writeStack(project, config, baremetal, V1);
            cli.ok(project, "config", "set", "--secret", "codezero:sshKey", "--", harness.clientPrivateKey());

            long t = System.nanoTime();
            String preview = cli.ok(project, "preview");
            step("pulumi preview", t);
            assertThat(preview).contains("codezero:baremetal:ServerNode", "kubernetes:helm.sh/v3:Release");
            assertThat(DocClaims.printedNumber(preview, "\\+ (\\d+) to create"))
                    .isEqualTo(DocClaims.claimedNumber(DOC, "\\| `pulumi preview` \\| (\\d+) resources planned"));

            t = System.nanoTime();
            String up = cli.ok(project, "up", "--yes", "--skip-preview");
            step("pulumi up", t);
            assertThat(up).doesNotContain("failed");
            assertThat(DocClaims.printedNumber(up, "\\+ (\\d+) created")).isEqualTo(DocClaims.claimedNumber(DOC, "\\| `pulumi up` \\| (\\d+) created"));
            // the gateway's LoadBalancer Service, addressed by ServiceLB with the machines' addresses
            List<String> addresses = harness.hosts().stream().map(TestHost::address).toList();
            assertThat(cli.ok(project, "stack", "output", "gatewayAddress").strip()).isIn(addresses);
            Path kubeconfig = work.resolve("kubeconfig");
            Files.writeString(kubeconfig, cli.secretOutput(project, "kubeconfig"));
            assertThat(Files.readString(kubeconfig)).contains("https://" + harness.host(0).address() + ":6443");

            t = System.nanoTime();
            JsonObject state = export(cli, project);
            int custom = checkCluster(kubeconfig, state, names, V1);
            step("checks after up", t);
            assertThat(custom).isEqualTo(DocClaims.claimedNumber(DOC, "the (\\d+) custom resources the stack made exist"));

            t = System.nanoTime();
            String unchanged = cli.ok(project, "preview", "--expect-no-changes", "--diff");
            assertThat(DocClaims.printedNumber(unchanged, "(?m)^\\s+(\\d+) unchanged")).isEqualTo(DocClaims.claimedNumber(DOC,
                    "\\| `pulumi preview --expect-no-changes --diff` \\| (\\d+) unchanged"));
            step("preview --expect-no-changes", t);

            // k3s upgraded in place on every machine, in the order the target registers; nothing else changes.
            writeStack(project, null, baremetal, V2);
            t = System.nanoTime();
            long upgradeStarted = System.currentTimeMillis();
            String upgrade = cli.ok(project, "up", "--yes", "--skip-preview");
            step("pulumi up (k3s " + V1 + " -> " + V2 + ")", t);
            assertThat(upgrade).doesNotContain("replaced").doesNotContain("deleted").doesNotContain(" created");
            // the doc's "3 updated, N unchanged", number for number
            assertThat(DocClaims.printedNumber(upgrade, "~ (\\d+) updated")).isEqualTo(hosts.size())
                    .isEqualTo(DocClaims.claimedNumber(DOC, "\\| (\\d+) updated, \\d+ unchanged, nothing replaced"));
            assertThat(DocClaims.printedNumber(upgrade, "(?m)^\\s+(\\d+) unchanged"))
                    .isEqualTo(DocClaims.claimedNumber(DOC, "\\| \\d+ updated, (\\d+) unchanged, nothing replaced"));
            // the agents restart only once the server (and the API with it) is back
            long serverBack = harness.k3sRestart(harness.host(0), upgradeStarted)[1];
            for (int i = 1; i < hosts.size(); i++) {
                assertThat(harness.k3sRestart(harness.host(i), upgradeStarted)[0]).as(names.get(i) + " stops after " + firstServer + " is back")
                        .isGreaterThanOrEqualTo(serverBack);
            }
            t = System.nanoTime();
            checkCluster(kubeconfig, export(cli, project), names, V2);
            step("checks after upgrade", t);

            // The last machine leaves: drained, its Node deleted, k3s uninstalled; the platform keeps running.
            TestHost leaving = harness.host(hosts.size() - 1);
            String leavingName = names.remove(names.size() - 1);
            hosts.remove(hosts.size() - 1);
            writeStack(project, null, baremetal, V2);
            t = System.nanoTime();
            String removal = cli.ok(project, "up", "--yes", "--skip-preview");
            step("pulumi up (" + leavingName + " removed)", t);
            assertThat(removal).doesNotContain("replaced");
            assertThat(DocClaims.printedNumber(removal, "- (\\d+) deleted")).isEqualTo(1)
                    .isEqualTo(DocClaims.claimedNumber(DOC, "\\| (\\d+) deleted \\(drained through the real API"));
            assertThat(harness.exec(leaving, "ls /usr/local/bin /var/lib/rancher 2>&1")).doesNotContain("k3s");
            t = System.nanoTime();
            checkCluster(kubeconfig, export(cli, project), names, V2);
            step("checks after removal", t);

            t = System.nanoTime();
            cli.ok(project, "destroy", "--yes", "--skip-preview");
            step("pulumi destroy", t);
            for (int i = 0; i < hosts.size(); i++) {
                assertThat(harness.exec(harness.host(i), "ls /usr/local/bin /var/lib/rancher 2>&1")).as(names.get(i)).doesNotContain("k3s");
            }
            assertThat(harness.exec(harness.host(0), "ps -eo comm")).as("the control plane stopped with k3s")
                    .doesNotContain("kube-apiserver").doesNotContain("etcd").doesNotContain("kwok");
            JsonElement left = export(cli, project).getAsJsonObject("deployment").get("resources");
            assertThat(left == null || left.isJsonNull() || left.getAsJsonArray().isEmpty()).as("resources left in the stack: " + left).isTrue();
        } finally {
            step("whole test", started);
            steps.forEach((name, ms) -> System.out.printf("[example engine] %-45s %7.1f s%n", name, ms / 1000.0));
        }
    }

    private void step(String name, long startedNanos) {
        steps.put(name, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** The stack file: the example's cluster and platform settings (first call), the machines at this k3s version. */
    @SuppressWarnings("unchecked")
    static void writeStack(Path project, Map<String, Object> exampleConfig, Map<String, Object> baremetal, String version) throws Exception {
        Path file = project.resolve("Pulumi.dev.yaml");
        Map<String, Object> stack = new Yaml().load(Files.readString(file));
        Map<String, Object> config = (Map<String, Object>) stack.computeIfAbsent("config", k -> new LinkedHashMap<>());
        if (exampleConfig != null) {
            exampleConfig.forEach((key, value) -> {
                if (!key.equals("codezero:sshKey")) {  // set as a secret of this stack
                    config.put(key, value);
                }
            });
        }
        StandinK3s.Assets assets = StandinK3s.write(project.resolve("assets"), version);
        baremetal.put("k3sVersion", version);
        baremetal.put("airgap", Map.of("k3sBinary", assets.binary().toString(), "installScript", assets.installScript().toString()));
        config.put("codezero:baremetal", baremetal);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(file, new Yaml(options).dump(stack));
    }

    static JsonObject export(PulumiCli cli, Path project) throws Exception {
        PulumiCli.Run run = cli.run(project, false, "stack", "export");
        assertThat(run.exit()).isZero();
        return JsonParser.parseString(run.output()).getAsJsonObject();
    }

    static final Set<String> BUILTIN_GROUPS = Set.of("core", "apps", "batch", "policy", "autoscaling", "networking.k8s.io",
            "rbac.authorization.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io",
            "coordination.k8s.io", "discovery.k8s.io", "scheduling.k8s.io", "node.k8s.io", "certificates.k8s.io");

    /**
     * On the live cluster: the machines are Ready Nodes at the k3s version, schedulable, pools labelled;
     * every Helm release the stack made is deployed; every custom resource it made was accepted (exists);
     * its Deployments and StatefulSets are available and every claim is bound; LoadBalancer Services
     * have the nodes' addresses (ServiceLB). Returns how many custom resources it found.
     */
    static int checkCluster(Path kubeconfig, JsonObject state, List<String> names, String version) throws Exception {
        // the kubelet reports a new version just after k3s restarted (see StandinControlPlaneHarnessTest)
        for (String name : names) {
            StandinControlPlane.kubectl(kubeconfig, "wait", "--for=jsonpath={.status.nodeInfo.kubeletVersion}=" + version, "node/" + name,
                    "--timeout=60s");
        }
        String nodes = StandinControlPlane.kubectl(kubeconfig, "get", "nodes", "-o",
                "jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type==\"Ready\")].status} {.status.nodeInfo.kubeletVersion}"
                        + " {.spec.unschedulable}{\"\\n\"}{end}");
        Set<String> expected = new TreeSet<>();
        names.forEach(n -> expected.add(n + " True " + version));
        assertThat(new TreeSet<>(nodes.lines().map(String::strip).toList())).as("nodes").isEqualTo(expected);
        assertThat(StandinControlPlane.kubectl(kubeconfig, "get", "nodes", "-l", "codezero.io/tier=apps", "-o", "name").lines().count())
                .as("nodes of the workers pool").isEqualTo(names.size() - 1);

        Path helmHome = Files.createTempDirectory("helm");
        int releases = 0;
        List<String> custom = new ArrayList<>();
        for (JsonElement e : state.getAsJsonObject("deployment").getAsJsonArray("resources")) {
            JsonObject r = e.getAsJsonObject();
            String type = r.get("type").getAsString();
            JsonObject outputs = r.has("outputs") ? r.getAsJsonObject("outputs") : new JsonObject();
            if (type.equals("kubernetes:helm.sh/v3:Release")) {
                releases++;
                String status = helm(kubeconfig, helmHome, "status", outputs.get("name").getAsString(), "-n",
                        outputs.get("namespace").getAsString(), "-o", "json");
                assertThat(JsonParser.parseString(status).getAsJsonObject().getAsJsonObject("info").get("status").getAsString())
                        .as("Helm release " + outputs.get("name")).isEqualTo("deployed");
            } else if (type.startsWith("kubernetes:") && !type.startsWith("kubernetes:helm.sh") && type.contains("/")) {
                String gv = type.substring("kubernetes:".length(), type.lastIndexOf(':'));
                String group = gv.substring(0, gv.indexOf('/'));
                if (!BUILTIN_GROUPS.contains(group) && !group.endsWith(".k8s.io") && outputs.has("metadata")) {
                    JsonObject meta = outputs.getAsJsonObject("metadata");
                    String kind = type.substring(type.lastIndexOf(':') + 1);
                    List<String> args = new ArrayList<>(List.of("get", kind + "." + gv.substring(gv.indexOf('/') + 1) + "." + group,
                            meta.get("name").getAsString(), "-o", "name"));
                    if (meta.has("namespace")) {
                        args.addAll(List.of("-n", meta.get("namespace").getAsString()));
                    }
                    StandinControlPlane.kubectl(kubeconfig, args.toArray(String[]::new));
                    custom.add(kind);
                }
            }
        }
        System.out.println("[example engine] " + releases + " Helm releases deployed; " + custom.size() + " custom resources on the cluster: "
                + new TreeSet<>(custom));
        // every chart source is one the enabled layers install (the stack refuses others), each in a release
        assertThat(releases).as("Helm releases").isGreaterThanOrEqualTo(CHARTS.size());
        assertThat(custom).as("custom resources (certificates, Istio routing, alerts, ...)").isNotEmpty();

        for (String kind : List.of("deployments", "statefulsets")) {
            String rows = StandinControlPlane.kubectl(kubeconfig, "get", kind, "-A", "-o",
                    "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {.spec.replicas} {.status.readyReplicas}{\"\\n\"}{end}");
            Set<String> live = new TreeSet<>();
            for (String row : rows.lines().toList()) {
                String[] f = row.strip().split(" ");
                live.add(f[0]);
                assertThat(f.length == 3 && f[1].equals(f[2]) || f.length == 2 && f[1].equals("0")).as(kind + " ready: " + row).isTrue();
            }
            // an empty list would pass the loop above: every workload the stack registered itself must be among those checked
            Set<String> registered = registeredWorkloads(state, kind.equals("deployments") ? "Deployment" : "StatefulSet");
            assertThat(live).as(kind + " on the cluster (the stack registered " + registered + ")").isNotEmpty().containsAll(registered);
        }
        String claims = StandinControlPlane.kubectl(kubeconfig, "get", "pvc", "-A", "-o",
                "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {.status.phase}{\"\\n\"}{end}");
        assertThat(claims.lines().filter(l -> !l.endsWith(" Bound")).toList()).as("claims not bound").isEmpty();
        assertThat(claims.lines().count()).as("claims (metrics, logs, dashboards, apps)").isPositive();
        String lbs = StandinControlPlane.kubectl(kubeconfig, "get", "services", "-A", "-o",
                "jsonpath={range .items[?(@.spec.type==\"LoadBalancer\")]}{.metadata.namespace}/{.metadata.name} {.status.loadBalancer.ingress[*].ip}{\"\\n\"}{end}");
        assertThat(lbs.lines().toList()).as("LoadBalancer Services").isNotEmpty().allSatisfy(l -> assertThat(l.strip()).contains(" "));
        return custom.size();
    }

    /** NAMESPACE/NAME of every workload of this kind the stack registered as its own resource (Helm releases' are not in the state). */
    static Set<String> registeredWorkloads(JsonObject state, String kind) {
        Set<String> names = new TreeSet<>();
        for (JsonElement e : state.getAsJsonObject("deployment").getAsJsonArray("resources")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("type").getAsString().equals("kubernetes:apps/v1:" + kind) && r.has("outputs")
                    && r.getAsJsonObject("outputs").has("metadata")) {
                JsonObject meta = r.getAsJsonObject("outputs").getAsJsonObject("metadata");
                names.add(meta.get("namespace").getAsString() + "/" + meta.get("name").getAsString());
            }
        }
        return names;
    }

    static String helm(Path kubeconfig, Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PulumiCli.BIN.resolve("helm").toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("helm " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }
}
