package io.codezero.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.digitalocean.DigitalOceanTarget;
import io.codezero.gcp.GcpTarget;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad input through the package gets the problem list a Java program reading the same {@code codezero:} config gets
 * (examples/minikube's program), path for path, message for message; and nothing is registered either way.
 */
class SameProblemsAsConfigTest {
    private static final String CLUSTER = "{\"name\": \"shop\", \"kubernetesVersion\": 1.3,"
            + " \"nodePools\": [{\"name\": \"a\", \"minNodes\": \"x\", \"taints\": [{\"key\": \"k\", \"effect\": \"Bad\"}]}]}";
    private static final String PLATFORM = "{\"domain\": \"shop.example.com\", \"istio\": {\"mode\": \"bogus\", \"gatewy\": {}},"
            + " \"certificates\": {\"issuer\": \"selfSigned\"}, \"apps\": [{\"name\": \"web\"}]}";

    @TempDir
    Path dir;

    @Test
    void aBadInputGetsTheProblemListOfTheJavaPathWithPathsAsWritten() throws IOException {
        Path kubeconfig = kubeconfig();
        OfflineRun java = OfflineEngine.create().stack("shop")
                .config(Map.of("codezero:cluster", CLUSTER, "codezero:platform", PLATFORM, "codezero:kubeconfig", kubeconfig.toString()))
                .run(ctx -> {
                    StackConfig config = StackConfig.from(ctx);
                    new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars())));
                });
        String inputs = "{\"cluster\": " + CLUSTER + ", \"platform\": " + PLATFORM + ", \"kubeconfig\": \"" + kubeconfig + "\"}";
        OfflineRun pkg = OfflineEngine.create().stack("shop")
                .run(ctx -> new CodeZeroStack("shop", StackConstruction.args("shop", Inputs.json(inputs))));

        assertThat(java.resources()).noneMatch(r -> r.type().startsWith("codezero:") || r.type().startsWith("kubernetes:"));
        assertThat(pkg.resources()).noneMatch(r -> r.type().startsWith("codezero:") || r.type().startsWith("kubernetes:"));
        List<String> javaProblems = problemLines(java).stream().map(l -> l.replace("codezero:", "")).toList();
        List<String> pkgProblems = problemLines(pkg).stream().map(l -> l.replaceFirst(" \\(in Python: [^)]*\\)$", "")).toList();
        assertThat(javaProblems).hasSizeGreaterThanOrEqualTo(5);
        assertThat(pkgProblems).containsExactlyElementsOf(javaProblems);
        assertThat(String.join("\n", problemLines(pkg)))
                .contains("cluster.nodePools[0].minNodes")
                .contains("(in Python: cluster.node_pools[0].min_nodes)")
                .contains("platform.istio.mode")
                .contains("cluster.kubernetesVersion");
    }

    @Test
    void aBadDigitalOceanInputGetsTheProblemListOfTheJavaPath() {
        String cluster = "{\"name\": \"shop\", \"kubernetesVersion\": \"1.34\", \"network\": {\"privateNodes\": true},"
                + " \"nodePools\": [{\"name\": \"a\", \"size\": \"huge\"}]}";
        String digitalocean = "{\"region\": \"mars1\", \"builtInPool\": {\"nodes\": 40}, \"maintenanceWindow\": {\"day\": \"sunday\"},"
                + " \"credentialSeconds\": \"long\", \"regoin\": \"fra1\"}";
        String platform = "{\"domain\": \"shop.example.com\"}";
        OfflineRun java = OfflineEngine.create().stack("shop")
                .config(Map.of("codezero:cluster", cluster, "codezero:platform", platform, "codezero:digitalocean", digitalocean))
                .run(ctx -> {
                    StackConfig config = StackConfig.from(ctx);
                    new CodeZeroStack(config.cluster().name(), config.toArgs(DigitalOceanTarget.fromConfig(config.section("digitalocean"))));
                });
        String inputs = "{\"cluster\": " + cluster + ", \"platform\": " + platform + ", \"digitalocean\": " + digitalocean + "}";
        OfflineRun pkg = OfflineEngine.create().stack("shop")
                .run(ctx -> new CodeZeroStack("shop", StackConstruction.args("shop", Inputs.json(inputs))));

        assertThat(java.resources()).noneMatch(r -> r.type().startsWith("digitalocean:") || r.type().startsWith("kubernetes:"));
        assertThat(pkg.resources()).noneMatch(r -> r.type().startsWith("digitalocean:") || r.type().startsWith("kubernetes:"));
        List<String> javaProblems = problemLines(java).stream().map(l -> l.replace("codezero:", "")).toList();
        List<String> pkgProblems = problemLines(pkg).stream().map(l -> l.replaceFirst(" \\(in Python: [^)]*\\)$", "")).toList();
        assertThat(javaProblems).hasSizeGreaterThanOrEqualTo(5);
        assertThat(pkgProblems).containsExactlyElementsOf(javaProblems);
        assertThat(String.join("\n", pkgProblems)).contains("digitalocean.region", "digitalocean.builtInPool.nodes",
                "digitalocean.credentialSeconds", "digitalocean.regoin");
    }

    @Test
    void aBadGcpInputGetsTheProblemListOfTheJavaPath() {
        String cluster = "{\"name\": \"shop\", \"kubernetesVersion\": \"1.34\", \"nodePools\": [{\"name\": \"a\", \"minNodes\": 5, \"maxNodes\": 2}]}";
        String gcp = "{\"project\": \"Not_A_Project\", \"releaseChannel\": \"FAST\", \"maintenance\": {\"start\": \"2025-01-04T02:00:00Z\"},"
                + " \"upgrades\": {\"strategy\": \"BLUE_GREEN\", \"maxSurge\": 2}, \"diskSizeGb\": \"big\", \"zonez\": []}";
        String platform = "{\"domain\": \"shop.example.com\"}";
        OfflineRun java = OfflineEngine.create().stack("shop")
                .config(Map.of("codezero:cluster", cluster, "codezero:platform", platform, "codezero:gcp", gcp))
                .run(ctx -> {
                    StackConfig config = StackConfig.from(ctx);
                    new CodeZeroStack(config.cluster().name(), config.toArgs(GcpTarget.fromConfig(config.section("gcp"))));
                });
        String inputs = "{\"cluster\": " + cluster + ", \"platform\": " + platform + ", \"gcp\": " + gcp + "}";
        OfflineRun pkg = OfflineEngine.create().stack("shop")
                .run(ctx -> new CodeZeroStack("shop", StackConstruction.args("shop", Inputs.json(inputs))));

        assertThat(java.resources()).noneMatch(r -> r.type().startsWith("gcp:") || r.type().startsWith("kubernetes:"));
        assertThat(pkg.resources()).noneMatch(r -> r.type().startsWith("gcp:") || r.type().startsWith("kubernetes:"));
        List<String> javaProblems = problemLines(java).stream().map(l -> l.replace("codezero:", "")).toList();
        List<String> pkgProblems = problemLines(pkg).stream().map(l -> l.replaceFirst(" \\(in Python: [^)]*\\)$", "")).toList();
        assertThat(javaProblems).hasSizeGreaterThanOrEqualTo(5);
        assertThat(pkgProblems).containsExactlyElementsOf(javaProblems);
        assertThat(String.join("\n", pkgProblems)).contains("gcp.releaseChannel", "gcp.maintenance", "gcp.upgrades.maxSurge",
                "gcp.diskSizeGb", "gcp.zonez");
    }

    @Test
    void aBadAwsOrAzureInputGetsTheProblemListOfTheJavaPath() {
        String cluster = "{\"name\": \"shop\", \"kubernetesVersion\": \"1.34\", \"nodePools\": [{\"name\": \"a\", \"size\": \"huge\"}]}";
        String platform = "{\"domain\": \"shop.example.com\"}";
        Map<String, String> sections = Map.of(
                "aws", "{\"region\": \"mars-1\", \"natMode\": \"NONE\", \"zoneCount\": 9, \"imdsHopLimit\": \"one\","
                        + " \"clusterAutoscaler\": {\"expander\": \"price\", \"enabled\": \"yes\"}, \"regoin\": \"x\"}",
                "azure", "{\"location\": \"West Europe\", \"osDiskSizeGB\": 5, \"secretsEncryption\": \"none\","
                        + " \"systemPool\": {\"count\": \"three\"}, \"vnet\": {\"subnet\": \"x\"}}");
        sections.forEach((cloud, section) -> {
            OfflineRun java = OfflineEngine.create().stack("shop")
                    .config(Map.of("codezero:cluster", cluster, "codezero:platform", platform, "codezero:" + cloud, section))
                    .run(ctx -> {
                        StackConfig config = StackConfig.from(ctx);
                        var target = cloud.equals("aws") ? io.codezero.aws.AwsTarget.fromConfig(config.section("aws"))
                                : io.codezero.azure.AzureTarget.fromConfig(config.section("azure"));
                        new CodeZeroStack(config.cluster().name(), config.toArgs(target));
                    });
            String inputs = "{\"cluster\": " + cluster + ", \"platform\": " + platform + ", \"" + cloud + "\": " + section + "}";
            OfflineRun pkg = OfflineEngine.create().stack("shop")
                    .run(ctx -> new CodeZeroStack("shop", StackConstruction.args("shop", Inputs.json(inputs))));

            assertThat(pkg.resources()).as(cloud).noneMatch(r -> r.type().startsWith(cloud) || r.type().startsWith("kubernetes:"));
            List<String> javaProblems = problemLines(java).stream().map(l -> l.replace("codezero:", "")).toList();
            List<String> pkgProblems = problemLines(pkg).stream().map(l -> l.replaceFirst(" \\(in Python: [^)]*\\)$", "")).toList();
            assertThat(javaProblems).as(cloud).hasSizeGreaterThanOrEqualTo(4);
            assertThat(pkgProblems).as(cloud).containsExactlyElementsOf(javaProblems);
            assertThat(pkgProblems).as(cloud).anyMatch(l -> l.contains(cloud + "."));
        });
    }

    @Test
    void aBadBareMetalInputGetsTheProblemListOfTheJavaPathWithTheCallersSecretKeys() {
        String cluster = "{\"name\": \"lab\", \"kubernetesVersion\": \"1.34\"}";
        String baremetal = "{\"credentials\": \"sshKey\", \"loadBalancer\": {\"type\": \"nginx\"},"
                + " \"hosts\": [{\"address\": \"192.168.56.10\", \"role\": \"boss\", \"port\": \"x\"},"
                + " {\"address\": \"192.168.56.11\", \"credentials\": \"otherKey\", \"privateKeyFile\": \"~/.ssh/id\"}]}";
        String platform = "{\"domain\": \"lab.example.com\"}";
        // codezero:sshKey set in plain text (a problem), codezero:otherKey not set at all (another)
        OfflineRun java = OfflineEngine.create().stack("lab")
                .config(Map.of("codezero:cluster", cluster, "codezero:platform", platform, "codezero:baremetal", baremetal,
                        "codezero:sshKey", "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----\n"))
                .run(ctx -> {
                    StackConfig config = StackConfig.from(ctx);
                    new CodeZeroStack(config.cluster().name(), config.toArgs(
                            io.codezero.baremetal.BareMetalTarget.fromConfig(config.section("baremetal"), config::secret)));
                });
        String inputs = "{\"cluster\": " + cluster + ", \"platform\": " + platform + ", \"baremetal\": " + baremetal + "}";
        OfflineRun pkg = OfflineEngine.create().stack("lab")
                .config(Map.of("codezero:sshKey", "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----\n"))
                .run(ctx -> new CodeZeroStack("lab", StackConstruction.args("lab", Inputs.json(inputs))));

        assertThat(pkg.resources()).noneMatch(r -> r.type().startsWith("codezero:baremetal:") || r.type().startsWith("kubernetes:"));
        List<String> javaProblems = problemLines(java).stream().map(l -> l.replace("codezero:baremetal", "baremetal")).toList();
        List<String> pkgProblems = problemLines(pkg).stream().map(l -> l.replaceFirst(" \\(in Python: [^)]*\\)$", "")).toList();
        assertThat(javaProblems).hasSizeGreaterThanOrEqualTo(5);
        assertThat(pkgProblems).containsExactlyInAnyOrderElementsOf(javaProblems);
        assertThat(String.join("\n", pkgProblems)).contains("baremetal.hosts[0].role", "baremetal.hosts[0].port",
                "baremetal.loadBalancer.type", "baremetal.hosts[1].credentials", "codezero:sshKey = \"<plain text>\"");
    }

    /** The lines of the problem list: one per problem, naming its path. */
    private static List<String> problemLines(OfflineRun run) {
        String errors = String.join("\n", run.errors()) + "\n"
                + String.join("\n", run.exceptions().stream().map(Throwable::getMessage).toList());
        return Arrays.stream(errors.split("\n")).map(String::strip)
                .filter(l -> l.matches("^-?\\s*(codezero:)?(cluster|platform|kubeconfig|context|digitalocean|gcp|aws|azure|baremetal|sshKey)[ .\\[:].*")).distinct().toList();
    }

    private Path kubeconfig() throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: kind-test
                clusters: [{name: kind-test, cluster: {server: "https://127.0.0.1:6443"}}]
                users: [{name: admin, user: {token: "secret-token"}}]
                contexts: [{name: kind-test, context: {cluster: kind-test, user: admin}}]
                """);
    }
}
