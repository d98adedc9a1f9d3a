package io.codezero.baremetal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BareMetalTarget as users run it, through the real Pulumi engine: three servers and an agent declared
 * in {@code codezero:baremetal} ({@link TargetProgram}), brought up, left unchanged by a second preview,
 * upgraded in place and destroyed. The engine schedules the upgrade from the dependencies the target
 * registers; the machines' own records prove the order (never two servers down at once, the agent
 * after the last server). Opt-in (tag "engine"); needs the toolchain's pulumi, pulumi-language-java
 * and pulumi-resource-kubernetes and {@code mvn package} first.
 */
@Tag("engine")
class TargetEngineHarnessTest {
    static final String V1 = "v1.34.1+k3s1";
    static final String V2 = "v1.34.2+k3s1";
    static final String[] NAMES = {"cp-1", "cp-2", "cp-3", "wk-1"};
    @TempDir
    Path work;

    static String baremetal(SshHostHarness harness, StandinK3s.Assets assets, String version) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            TestHost h = harness.host(i);
            hosts.add("{\"address\": \"" + h.address() + "\", \"role\": \"" + (i < 3 ? "server" : "agent") + "\", \"name\": \"" + NAMES[i]
                    + "\", \"hostKey\": \"" + h.hostKey() + "\"}");
        }
        return "  codezero:baremetal: {\"credentials\": \"sshKey\", \"k3sVersion\": \"" + version + "\", \"airgap\": {\"k3sBinary\": \""
                + assets.binary() + "\", \"installScript\": \"" + assets.installScript() + "\"}, \"hosts\": [" + String.join(", ", hosts) + "]}";
    }

    static void setBaremetal(Path project, String line) throws Exception {
        Path stack = project.resolve("Pulumi.dev.yaml");
        List<String> lines = Files.readAllLines(stack).stream().filter(l -> !l.startsWith("  codezero:baremetal:")).collect(Collectors.toList());
        lines.add(line);
        Files.write(stack, lines);
    }

    @Test
    void upUpgradeAndDestroyAClusterDeclaredWithBareMetalTarget() throws Exception {
        PulumiCli.requireToolchain("pulumi-resource-kubernetes");
        PulumiCli cli = new PulumiCli(work);
        try (SshHostHarness harness = SshHostHarness.start(NAMES.length)) {
            Path project = cli.project(TargetProgram.class);
            cli.ok(project, "plugin", "install", "resource", "kubernetes", "4.0.0", "--file",
                    PulumiCli.BIN.resolve("pulumi-resource-kubernetes").toString());
            cli.ok(project, "stack", "init", "dev", "--secrets-provider", "passphrase");
            cli.ok(project, "config", "set", "--secret", "codezero:sshKey", "--", harness.clientPrivateKey());
            setBaremetal(project, baremetal(harness, StandinK3s.write(work.resolve("assets"), V1), V1));

            cli.ok(project, "up", "--yes", "--skip-preview");
            assertThat(harness.exec(harness.host(0), "k3s kubectl get nodes --no-headers | grep -c ' Ready '").trim()).isEqualTo("4");
            cli.ok(project, "preview", "--expect-no-changes");

            setBaremetal(project, baremetal(harness, StandinK3s.write(work.resolve("assets"), V2), V2));
            long upgradeStarted = System.currentTimeMillis();
            String upgrade = cli.ok(project, "up", "--yes", "--skip-preview");
            assertThat(upgrade).contains("4 updated").doesNotContain("replaced");
            long[][] down = new long[NAMES.length][];
            for (int i = 0; i < NAMES.length; i++) {
                down[i] = harness.k3sRestart(harness.host(i), upgradeStarted);
                System.out.println("[engine roll] " + NAMES[i] + " down from " + java.time.Instant.ofEpochMilli(down[i][0])
                        + " to " + java.time.Instant.ofEpochMilli(down[i][1]));
            }
            assertThat(down[0][1]).as("cp-2 stops after cp-1 is back").isLessThanOrEqualTo(down[1][0]);
            assertThat(down[1][1]).as("cp-3 stops after cp-2 is back").isLessThanOrEqualTo(down[2][0]);
            assertThat(down[2][1]).as("the agent stops after the last server is back").isLessThanOrEqualTo(down[3][0]);
            assertThat(harness.exec(harness.host(0), "k3s kubectl get nodes --no-headers")).contains(V2).doesNotContain(V1)
                    .doesNotContain("SchedulingDisabled");

            cli.ok(project, "destroy", "--yes", "--skip-preview");
            for (int i = 0; i < NAMES.length; i++) {
                assertThat(harness.exec(harness.host(i), "ls /usr/local/bin")).doesNotContain("k3s");
            }
        }
    }
}
