package io.codezero.baremetal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the Pulumi CLI and Java language host (built by e2e/toolchain.sh) run
 * {@link NodesProgram}, the engine starts the packaged plugin (target/plugin) and drives it against
 * harness machines: preview, up, no-change preview, refresh after drift, up, removing a host, destroy.
 * Opt-in (tag "engine"); needs `mvn package` first:
 * <pre>mvn -q -o package -pl providers/baremetal -am -DskipTests && mvn -q -o test -pl providers/baremetal -am -Dtest=RealEngineHarnessTest -Dcodezero.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("engine")
class RealEngineHarnessTest {
    static final String VERSION = "v1.34.1+k3s1";
    @TempDir
    Path work;

    @Test
    void previewUpRefreshRemoveDestroyThroughThePulumiEngine() throws Exception {
        PulumiCli.requireToolchain();
        PulumiCli cli = new PulumiCli(work);
        try (SshHostHarness harness = SshHostHarness.start(2)) {
            TestHost server = harness.host(0);
            TestHost agent = harness.host(1);
            StandinK3s.Assets assets = StandinK3s.write(work.resolve("assets"), VERSION);
            Path project = cli.project(NodesProgram.class);

            cli.ok(project, "stack", "init", "dev", "--secrets-provider", "passphrase");
            cli.ok(project, "config", "set", "--secret", "privateKey", "--", harness.clientPrivateKey());
            Map<String, String> config = Map.of("airgapBinary", assets.binary().toString(), "airgapScript", assets.installScript().toString(),
                    "serverHost", server.address(), "serverHostKey", server.hostKey(), "agentHost", agent.address(),
                    "agentHostKey", agent.hostKey(), "k3sVersion", VERSION);
            for (var e : config.entrySet()) {
                cli.ok(project, "config", "set", e.getKey(), "--", e.getValue());
            }

            assertThat(cli.ok(project, "preview")).contains("codezero:baremetal:ServerNode", "codezero:baremetal:AgentNode", "3 to create");

            // A machine that fails validation: the CLI shows host and phase; nothing is installed; fixing it converges.
            harness.exec(server, "setsid nohup perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalPort=>6443,Listen=>5,ReuseAddr=>1) or die;"
                    + " sleep 600' >/dev/null 2>&1 & echo $! > /run/squatter.pid");
            String failed = cli.fails(project, "up", "--yes", "--skip-preview");
            assertThat(failed).contains("host h1 (" + server.address() + ":22), phase 'validate host'", "port 6443 is already in use",
                    "nothing was changed on the machine");
            harness.exec(server, "kill $(cat /run/squatter.pid)");

            // The link is cut once the binary is on the machine: the engine records the half-installed
            // server (init error, partial state), and the next `up` updates it to completion.
            Thread cutter = new Thread(() -> {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < deadline && harness.exec(server, "test -e /usr/local/bin/k3s && echo yes").isBlank()) {
                    Thread.onSpinWait();
                }
                harness.cutLink(server);
            });
            cutter.start();
            String cut;
            try {
                cut = cli.fails(project, "up", "--yes", "--skip-preview");
            } finally {
                cutter.join();
                harness.restoreLink(server);
            }
            assertThat(cut).contains("host h1 (" + server.address() + ":22), phase '", "the machine was partly changed");
            assertThat(cli.ok(project, "stack", "export")).contains("initErrors", "the machine was partly changed");
            String resumed = cli.ok(project, "up", "--yes", "--skip-preview");
            assertThat(resumed).contains("server updat");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).contains("h1 Ready");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).contains("h1 Ready", "h2 Ready");
            assertThat(cli.ok(project, "stack", "output", "kubeconfig", "--show-secrets")).contains("https://" + server.address() + ":6443");
            assertThat(Files.readString(cli.stateFile())).doesNotContain(harness.clientPrivateKey().split("\n")[1]);

            cli.ok(project, "preview", "--expect-no-changes");

            harness.exec(agent, "/usr/local/bin/k3s-killall.sh");
            cli.ok(project, "refresh", "--yes", "--skip-preview");
            assertThat(cli.ok(project, "preview", "--diff")).contains("running");
            cli.ok(project, "up", "--yes", "--skip-preview");
            assertThat(harness.exec(agent, "pgrep -f '[k]3s agent' | wc -l").trim()).isEqualTo("1");

            // Upgrade in place: drained before, uncordoned after, not replaced.
            String v2 = "v1.35.0+k3s1";
            StandinK3s.Assets newer = StandinK3s.write(work.resolve("assets"), v2);
            cli.ok(project, "config", "set", "k3sVersion", v2);
            cli.ok(project, "config", "set", "airgapBinary", newer.binary().toString());
            String upgrade = cli.ok(project, "up", "--yes", "--skip-preview");
            assertThat(upgrade).contains("drain", "uncordon", "2 updated").doesNotContain("replaced");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).contains("h1 Ready", "h2 Ready", v2)
                    .doesNotContain("SchedulingDisabled");

            cli.ok(project, "config", "set", "withAgent", "false");
            cli.ok(project, "up", "--yes", "--skip-preview");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).doesNotContain("h2");
            assertThat(harness.exec(agent, "ls /usr/local/bin")).doesNotContain("k3s");

            cli.ok(project, "destroy", "--yes", "--skip-preview");
            assertThat(harness.exec(server, "ls /usr/local/bin")).doesNotContain("k3s");
        }
    }
}
