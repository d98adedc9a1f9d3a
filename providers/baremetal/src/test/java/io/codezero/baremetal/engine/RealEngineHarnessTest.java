package io.codezero.baremetal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.core.testing.TestPrerequisites;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the Pulumi CLI and Java language host (built by e2e/toolchain.sh) run
 * {@link NodesProgram}, the engine starts the packaged plugin (target/plugin) and drives it against
 * harness machines: preview, up, no-change preview, refresh after drift, up, removing a host, destroy.
 * Opt-in (tag "engine"); needs `mvn package` first:
 * <pre>mvn -q -o install -pl providers/baremetal -DskipTests && mvn -q -o test -pl providers/baremetal -Dtest=RealEngineHarnessTest -Dcodezero.excludedGroups=none</pre>
 */
@Tag("engine")
class RealEngineHarnessTest {
    static final String VERSION = "v1.34.1+k3s1";
    static final Path BIN = Path.of(System.getenv().getOrDefault("CODEZERO_E2E_BIN",
            System.getProperty("user.home") + "/.cache/codezero-e2e/bin"));
    static final Path PLUGIN = Path.of("target/plugin").toAbsolutePath();
    @TempDir
    Path work;

    @Test
    void previewUpRefreshRemoveDestroyThroughThePulumiEngine() throws Exception {
        TestPrerequisites.require(Files.isExecutable(BIN.resolve("pulumi")) && Files.isExecutable(BIN.resolve("pulumi-language-java")),
                "no Pulumi CLI at " + BIN + " (build it with e2e/toolchain.sh)");
        TestPrerequisites.require(Files.isExecutable(PLUGIN.resolve("pulumi-resource-codezero")),
                "plugin not packaged at " + PLUGIN + ": run mvn -pl providers/baremetal -am install -DskipTests first");
        try (SshHostHarness harness = SshHostHarness.start(2)) {
            TestHost server = harness.host(0);
            TestHost agent = harness.host(1);
            StandinK3s.Assets assets = StandinK3s.write(work.resolve("assets"), VERSION);
            Path project = Files.createDirectories(work.resolve("project"));
            writeProgramJar(project.resolve("program.jar"));
            Files.writeString(project.resolve("Pulumi.yaml"), String.join("\n",
                    "name: czbm", "runtime:", "  name: java", "  options:", "    binary: program.jar",
                    "plugins:", "  providers:", "    - name: codezero", "      path: " + PLUGIN, ""));

            pulumi(project, "plugin", "install", "language", "java", "1.22.0", "--file", BIN.resolve("pulumi-language-java").toString());
            pulumi(project, "stack", "init", "dev", "--secrets-provider", "passphrase");
            pulumi(project, "config", "set", "--secret", "privateKey", "--", harness.clientPrivateKey());
            Map<String, String> config = Map.of("airgapBinary", assets.binary().toString(), "airgapScript", assets.installScript().toString(),
                    "serverHost", server.address(), "serverHostKey", server.hostKey(), "agentHost", agent.address(),
                    "agentHostKey", agent.hostKey(), "k3sVersion", VERSION);
            for (var e : config.entrySet()) {
                pulumi(project, "config", "set", e.getKey(), "--", e.getValue());
            }

            assertThat(pulumi(project, "preview")).contains("codezero:baremetal:ServerNode", "codezero:baremetal:AgentNode", "3 to create");

            // A machine that fails validation: the CLI shows host and phase; nothing is installed; fixing it converges.
            harness.exec(server, "setsid nohup perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalPort=>6443,Listen=>5,ReuseAddr=>1) or die;"
                    + " sleep 600' >/dev/null 2>&1 & echo $! > /run/squatter.pid");
            String failed = pulumiFails(project, "up", "--yes", "--skip-preview");
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
                cut = pulumiFails(project, "up", "--yes", "--skip-preview");
            } finally {
                cutter.join();
                harness.restoreLink(server);
            }
            assertThat(cut).contains("host h1 (" + server.address() + ":22), phase '", "the machine was partly changed");
            assertThat(pulumi(project, "stack", "export")).contains("initErrors", "the machine was partly changed");
            String resumed = pulumi(project, "up", "--yes", "--skip-preview");
            assertThat(resumed).contains("server updat");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).contains("h1 Ready");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).contains("h1 Ready", "h2 Ready");
            assertThat(pulumi(project, "stack", "output", "kubeconfig", "--show-secrets")).contains("https://" + server.address() + ":6443");
            assertThat(Files.readString(stateFile())).doesNotContain(harness.clientPrivateKey().split("\n")[1]);

            pulumi(project, "preview", "--expect-no-changes");

            harness.exec(agent, "/usr/local/bin/k3s-killall.sh");
            pulumi(project, "refresh", "--yes", "--skip-preview");
            assertThat(pulumi(project, "preview", "--diff")).contains("running");
            pulumi(project, "up", "--yes", "--skip-preview");
            assertThat(harness.exec(agent, "pgrep -f '[k]3s agent' | wc -l").trim()).isEqualTo("1");

            // Upgrade in place: drained before, uncordoned after, not replaced.
            String v2 = "v1.35.0+k3s1";
            StandinK3s.Assets newer = StandinK3s.write(work.resolve("assets"), v2);
            pulumi(project, "config", "set", "k3sVersion", v2);
            pulumi(project, "config", "set", "airgapBinary", newer.binary().toString());
            String upgrade = pulumi(project, "up", "--yes", "--skip-preview");
            assertThat(upgrade).contains("drain", "uncordon", "2 updated").doesNotContain("replaced");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).contains("h1 Ready", "h2 Ready", v2)
                    .doesNotContain("SchedulingDisabled");

            pulumi(project, "config", "set", "withAgent", "false");
            pulumi(project, "up", "--yes", "--skip-preview");
            assertThat(harness.exec(server, "k3s kubectl get nodes --no-headers")).doesNotContain("h2");
            assertThat(harness.exec(agent, "ls /usr/local/bin")).doesNotContain("k3s");

            pulumi(project, "destroy", "--yes", "--skip-preview");
            assertThat(harness.exec(server, "ls /usr/local/bin")).doesNotContain("k3s");
        }
    }

    private Path stateFile() throws IOException {
        try (var files = Files.walk(work.resolve("state"))) {
            return files.filter(p -> p.toString().endsWith("dev.json")).findFirst().orElseThrow();
        }
    }

    private String pulumi(Path project, String... args) throws IOException, InterruptedException {
        Run run = run(project, args);
        assertThat(run.exit()).as("pulumi " + args[0] + " failed:\n" + run.output()).isZero();
        return run.output();
    }

    private String pulumiFails(Path project, String... args) throws IOException, InterruptedException {
        Run run = run(project, args);
        assertThat(run.exit()).as("pulumi " + args[0] + " should have failed:\n" + run.output()).isNotZero();
        return run.output();
    }

    private record Run(int exit, String output) {
    }

    private Run run(Path project, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("pulumi").toString(), "--non-interactive", "--color=never"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", BIN + File.pathSeparator + env.get("PATH"));
        env.put("PULUMI_HOME", work.resolve("home").toString());
        env.put("PULUMI_BACKEND_URL", "file://" + Files.createDirectories(work.resolve("state")));
        env.put("PULUMI_CONFIG_PASSPHRASE", "codezero-engine-test");
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("PULUMI_IGNORE_AMBIENT_PLUGINS", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println("$ pulumi " + String.join(" ", args).replaceAll("-----BEGIN[\\s\\S]*", "<key>") + "\n" + out);
        return new Run(p.exitValue(), out);
    }

    /** A jar whose manifest runs NodesProgram with the test classpath (what `binary:` in Pulumi.yaml runs). */
    private static void writeProgramJar(Path jar) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringBuilder entries = new StringBuilder();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, NodesProgram.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries.toString().trim());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
    }
}
