package io.codezero.core.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared preflight command with a target of its own: what every cloud's {@code codezero-*-preflight} does the same way. */
class PreflightCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A target that records what the command gave it and answers with what the test set. */
    private static final class FakeTarget implements PreflightTarget<String> {
        final List<String> calls = new ArrayList<>();
        CheckStatus status = CheckStatus.PASS;
        PreflightTarget.Refusal refusal;

        @Override
        public Definition<String> definition() {
            return new Definition<>("codezero-fake-preflight", "codezero:fake",
                    List.of(Flag.setting("--region", "REGION", "region"), Flag.of("--endpoint-url", "URL")),
                    section -> section.string("region", "none"), this::validate);
        }

        private List<Problem> validate(ClusterSpec spec, String region) {
            calls.add("validate " + region);
            return region.equals("bad") ? List.of(new Problem("codezero:fake.region", "bad", "is not a region")) : List.of();
        }

        @Override
        public PreflightReport check(ClusterSpec spec, String region, CommandArguments arguments) throws Refusal {
            calls.add("check " + region + " " + arguments.value("--endpoint-url"));
            if (refusal != null) {
                throw refusal;
            }
            return new PreflightReport("Fake", List.of(new CheckResult("region", status, region)));
        }
    }

    private Path stack(String region) throws Exception {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, """
                config:
                  codezero:cluster:
                    name: demo
                    kubernetesVersion: "1.34"
                    nodePools:
                      - name: system
                        size: medium
                        minNodes: 1
                        desiredNodes: 1
                        maxNodes: 2
                  codezero:fake:
                    region: %s
                """.formatted(region));
        return file;
    }

    private int run(FakeTarget target, String... argv) {
        return PreflightCommand.run(target, argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageBuiltFromTheTargetsFlagsAndExitsZero() {
        FakeTarget target = new FakeTarget();
        assertThat(run(target, "--help")).isZero();
        assertThat(out()).isEqualTo("usage: codezero-fake-preflight --config Pulumi.<stack>.yaml [--region REGION] [--endpoint-url URL]\n");
        assertThat(run(target, "-h")).isZero();
        assertThat(target.calls).isEmpty();
    }

    @Test
    void anUnknownFlagOrNoConfigExitsTwoWithTheUsage() {
        FakeTarget target = new FakeTarget();
        assertThat(run(target, "--profile", "x")).isEqualTo(2);
        assertThat(err()).contains("codezero-fake-preflight: unknown argument --profile").contains("[--region REGION]");
        assertThat(run(target, "--region", "eu")).isEqualTo(2);
        assertThat(err()).contains("codezero-fake-preflight: --config is required");
        assertThat(target.calls).isEmpty();
    }

    @Test
    void anUnreadableStackFileExitsTwoNamingIt() {
        FakeTarget target = new FakeTarget();
        Path missing = dir.resolve("Pulumi.none.yaml");
        assertThat(run(target, "--config", missing.toString())).isEqualTo(2);
        assertThat(err()).startsWith("codezero-fake-preflight: cannot read " + missing);
    }

    @Test
    void theCommandLineWinsOverTheFileAndPassingChecksExitZero() throws Exception {
        FakeTarget target = new FakeTarget();
        assertThat(run(target, "--config", stack("eu-west-1").toString(), "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9")).isZero();
        assertThat(target.calls).containsExactly("validate us-east-1", "check us-east-1 http://127.0.0.1:9");
        assertThat(out()).contains("PASS    region             us-east-1");
    }

    @Test
    void badInputExitsTwoWithEveryProblemAndNoCheckRuns() throws Exception {
        FakeTarget target = new FakeTarget();
        assertThat(run(target, "--config", stack("bad").toString())).isEqualTo(2);
        assertThat(err()).contains("codezero-fake-preflight: 1 problem(s) in").contains("codezero:fake.region = \"bad\": is not a region");
        assertThat(target.calls).containsExactly("validate bad");
    }

    @Test
    void aFailedCheckExitsOneWithTheSummary() throws Exception {
        FakeTarget target = new FakeTarget();
        target.status = CheckStatus.FAIL;
        assertThat(run(target, "--config", stack("eu").toString())).isEqualTo(1);
        assertThat(err()).contains("Fake preflight failed: 1 check(s) failed");
    }

    @Test
    void checksThatCannotStartExitWithTheTargetsCodeAndMessage() throws Exception {
        FakeTarget target = new FakeTarget();
        target.refusal = new PreflightTarget.Refusal(2, "no token: set DIGITALOCEAN_TOKEN");
        assertThat(run(target, "--config", stack("eu").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("codezero-fake-preflight: no token: set DIGITALOCEAN_TOKEN\n");
        target.refusal = new PreflightTarget.Refusal(1, "no credentials");
        assertThat(run(target, "--config", stack("eu").toString())).isEqualTo(1);
    }
}
