package io.codezero.gcp.preflight;

import io.codezero.core.preflight.PreflightCommand;
import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.gcp.testing.FakeGoogle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code codezero-gcp-preflight} as a user runs it: a stack file, Application Default Credentials from the environment. */
class PreflightCommandTest {
    @TempDir
    Path dir;

    private Path stackFile(String gcp) throws Exception {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, """
                config:
                  codezero:cluster:
                    name: demo
                    kubernetesVersion: "1.34"
                    network:
                      apiAccessAllowlist: [203.0.113.0/24]
                    nodePools:
                      - name: system
                        size: medium
                        minNodes: 1
                        desiredNodes: 2
                        maxNodes: 3
                  codezero:gcp:
                """ + gcp);
        return file;
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(Path key, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), GcpPreflightTarget.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GOOGLE_APPLICATION_CREDENTIALS", key.toString());
        builder.environment().put("CLOUDSDK_CONFIG", dir.resolve("no-gcloud").toString());
        builder.environment().put("NO_GCE_CHECK", "true");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void exitsZeroWhenEveryCheckPassesAndOneWhenOneFails() throws Exception {
        try (FakeGoogle google = new FakeGoogle()) {
            Path key = google.writeServiceAccountKey(dir);
            Path stack = stackFile("    project: acme-platform-dev\n    region: europe-west1\n");
            Result ok = run(key, "--config", stack.toString(), "--endpoint-url", google.uri().toString());
            assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).contains("PASS    kubernetes-version").contains("PASS    quota");

            google.services.put("iam.googleapis.com", "DISABLED");
            Result failed = run(key, "--config", stack.toString(), "--endpoint-url", google.uri().toString());
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.out()).contains("FAIL    api                iam.googleapis.com is not enabled in project acme-platform-dev");
            assertThat(failed.err()).contains("1 check(s) failed");
        }
    }

    @Test
    void badInputExitsTwoWithEveryProblemBeforeAnyCall() throws Exception {
        Path stack = stackFile("    project: Acme\n    region: europe-west1-b\n    regoin: x\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(new GcpPreflightTarget(), new String[] {"--config", stack.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gcp.project = \"Acme\"").contains("gcp.region = \"europe-west1-b\"")
                .contains("codezero:gcp.regoin");
    }
}
