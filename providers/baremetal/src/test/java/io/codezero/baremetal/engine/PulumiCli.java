package io.codezero.baremetal.engine;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The Pulumi CLI and Java language host built by e2e/toolchain.sh ({@code ~/.cache/codezero-e2e/bin}
 * or {@code CODEZERO_E2E_BIN}), run against a local file backend in a test's work directory, with
 * the packaged codezero plugin from {@code target/plugin}.
 */
public final class PulumiCli {
    public static final Path BIN = Path.of(System.getenv().getOrDefault("CODEZERO_E2E_BIN",
            System.getProperty("user.home") + "/.cache/codezero-e2e/bin"));
    static final Path PLUGIN = Path.of("target/plugin").toAbsolutePath();

    private final Path work;
    private final Path plugin;

    PulumiCli(Path work) {
        this(work, PLUGIN);
    }

    /** {@code plugin}: the directory with the packaged codezero plugin (providers/baremetal/target/plugin). */
    public PulumiCli(Path work, Path plugin) {
        this.work = work;
        this.plugin = plugin.toAbsolutePath().normalize();
    }

    static void requireToolchain(String... morePlugins) {
        requireToolchain(PLUGIN, morePlugins);
    }

    /** Skips locally / fails under CI=true when the CLI, the language host or the packaged plugin is missing. */
    public static void requireToolchain(Path pluginDir, String... morePlugins) {
        Path plugin = pluginDir.toAbsolutePath().normalize();
        TestPrerequisites.require(Files.isExecutable(BIN.resolve("pulumi")) && Files.isExecutable(BIN.resolve("pulumi-language-java")),
                "no Pulumi CLI at " + BIN + " (build it with e2e/toolchain.sh)");
        for (String more : morePlugins) {
            TestPrerequisites.require(Files.isExecutable(BIN.resolve(more)), "no " + more + " at " + BIN + " (build it with e2e/toolchain.sh)");
        }
        TestPrerequisites.require(Files.isExecutable(plugin.resolve("pulumi-resource-codezero")),
                "plugin not packaged at " + plugin + ": run mvn -pl providers/baremetal -am package -DskipTests first");
    }

    /** A project running {@code mainClass} with the test classpath, using the packaged codezero plugin. */
    public Path project(Class<?> mainClass) throws IOException, InterruptedException {
        Path project = Files.createDirectories(work.resolve("project"));
        writeProgramJar(project.resolve("program.jar"), mainClass);
        Files.writeString(project.resolve("Pulumi.yaml"), String.join("\n",
                "name: czbm", "runtime:", "  name: java", "  options:", "    binary: program.jar",
                "plugins:", "  providers:", "    - name: codezero", "      path: " + plugin, ""));
        ok(project, "plugin", "install", "language", "java", "1.22.0", "--file", BIN.resolve("pulumi-language-java").toString());
        return project;
    }

    public Path stateFile() throws IOException {
        try (var files = Files.walk(work.resolve("state"))) {
            return files.filter(p -> p.toString().endsWith("dev.json")).findFirst().orElseThrow();
        }
    }

    public String ok(Path project, String... args) throws IOException, InterruptedException {
        Run run = run(project, args);
        assertThat(run.exit()).as("pulumi " + args[0] + " failed:\n" + run.output()).isZero();
        return run.output();
    }

    public String fails(Path project, String... args) throws IOException, InterruptedException {
        Run run = run(project, args);
        assertThat(run.exit()).as("pulumi " + args[0] + " should have failed:\n" + run.output()).isNotZero();
        return run.output();
    }

    public record Run(int exit, String output) {
    }

    public Run run(Path project, String... args) throws IOException, InterruptedException {
        return run(project, true, args);
    }

    /** A stack output revealed (a secret's value never reaches the test log). */
    public String secretOutput(Path project, String name) throws IOException, InterruptedException {
        Run run = run(project, false, "stack", "output", name, "--show-secrets");
        assertThat(run.exit()).as("pulumi stack output " + name + " failed").isZero();
        return run.output();
    }

    /** {@code print}: false keeps the output (state exports, revealed secrets) out of the test log. */
    public Run run(Path project, boolean print, String... args) throws IOException, InterruptedException {
        // Niced like e2e/run.sh's: the Java SDK busy-waits while the engine works (e2e/README.md), and the
        // machines' control plane should get the CPU first.
        List<String> command = new ArrayList<>(List.of("nice", "-n", "10", BIN.resolve("pulumi").toString(), "--non-interactive", "--color=never"));
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
        System.out.println("$ pulumi " + String.join(" ", args).replaceAll("-----BEGIN[\\s\\S]*", "<key>") + "\n" + (print ? out : "(output not shown)"));
        return new Run(p.exitValue(), out);
    }

    /** A jar whose manifest runs {@code mainClass} with the test classpath (what `binary:` in Pulumi.yaml runs). */
    private static void writeProgramJar(Path jar, Class<?> mainClass) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringBuilder entries = new StringBuilder();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries.toString().trim());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
    }
}
