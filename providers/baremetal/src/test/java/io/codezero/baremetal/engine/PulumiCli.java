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
final class PulumiCli {
    static final Path BIN = Path.of(System.getenv().getOrDefault("CODEZERO_E2E_BIN",
            System.getProperty("user.home") + "/.cache/codezero-e2e/bin"));
    static final Path PLUGIN = Path.of("target/plugin").toAbsolutePath();

    private final Path work;

    PulumiCli(Path work) {
        this.work = work;
    }

    /** Skips locally / fails under CI=true when the CLI, the language host or the packaged plugin is missing. */
    static void requireToolchain(String... morePlugins) {
        TestPrerequisites.require(Files.isExecutable(BIN.resolve("pulumi")) && Files.isExecutable(BIN.resolve("pulumi-language-java")),
                "no Pulumi CLI at " + BIN + " (build it with e2e/toolchain.sh)");
        for (String plugin : morePlugins) {
            TestPrerequisites.require(Files.isExecutable(BIN.resolve(plugin)), "no " + plugin + " at " + BIN + " (build it with e2e/toolchain.sh)");
        }
        TestPrerequisites.require(Files.isExecutable(PLUGIN.resolve("pulumi-resource-codezero")),
                "plugin not packaged at " + PLUGIN + ": run mvn -pl providers/baremetal -am package -DskipTests first");
    }

    /** A project running {@code mainClass} with the test classpath, using the packaged codezero plugin. */
    Path project(Class<?> mainClass) throws IOException, InterruptedException {
        Path project = Files.createDirectories(work.resolve("project"));
        writeProgramJar(project.resolve("program.jar"), mainClass);
        Files.writeString(project.resolve("Pulumi.yaml"), String.join("\n",
                "name: czbm", "runtime:", "  name: java", "  options:", "    binary: program.jar",
                "plugins:", "  providers:", "    - name: codezero", "      path: " + PLUGIN, ""));
        ok(project, "plugin", "install", "language", "java", "1.22.0", "--file", BIN.resolve("pulumi-language-java").toString());
        return project;
    }

    Path stateFile() throws IOException {
        try (var files = Files.walk(work.resolve("state"))) {
            return files.filter(p -> p.toString().endsWith("dev.json")).findFirst().orElseThrow();
        }
    }

    String ok(Path project, String... args) throws IOException, InterruptedException {
        Run run = run(project, args);
        assertThat(run.exit()).as("pulumi " + args[0] + " failed:\n" + run.output()).isZero();
        return run.output();
    }

    String fails(Path project, String... args) throws IOException, InterruptedException {
        Run run = run(project, args);
        assertThat(run.exit()).as("pulumi " + args[0] + " should have failed:\n" + run.output()).isNotZero();
        return run.output();
    }

    record Run(int exit, String output) {
    }

    Run run(Path project, String... args) throws IOException, InterruptedException {
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
