package io.codezero.stacks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/plan.md "Values from other stacks": a StackReference and the engine's other functions in the offline plan. */
class StackReferencePlanTest {
    @TempDir
    Path dir;

    private PlanProject project;

    /** The program of docs/plan.md (plus the secret output): reads another stack's outputs beside a stack of its own. */
    public static void stack(Context ctx) {
        var network = new StackReference("acme/network/prod");
        ctx.export("zone", network.requireOutput("zone"));
        ctx.export("replicas", network.output("replicas"));
        ctx.export("token", network.output("token"));
        StackConfig config = StackConfig.from(ctx);
        new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))).exportTo(ctx);
    }

    /** The engine functions a program calls besides StackReference. */
    public static final class EngineFunctions {
        public static void stack(Context ctx) {
            var named = new StackReference("network", StackReferenceArgs.builder().name("acme/network/" + ctx.stackName()).build());
            ctx.export("stack", Output.of(ctx.stackName()));
            ctx.export("project", Output.of(ctx.projectName()));
            ctx.export("deploymentStack", Output.of(Deployment.getInstance().getStackName()));
            ctx.export("password", ctx.config().requireSecret("adminPassword"));
            ctx.export("apiKey", Output.ofSecret("not-shown"));
            ctx.export("cidr", named.output("cidr"));
            ctx.export("details", Output.of(named.outputDetailsAsync("cidr").thenApply(d -> String.valueOf(d.getValue().orElse("none")))));
        }
    }

    /** A program that fails the way user code does: a null where a value was expected. */
    public static final class Failing {
        public static void stack(Context ctx) {
            Map<String, String> settings = Map.of();
            ctx.export("length", Output.of(settings.get("domain").length()));
        }
    }

    /** A program whose failure comes later, inside an apply: the engine logs it with the whole java command line. */
    public static final class FailingLater {
        public static void stack(Context ctx) {
            ctx.export("domain", Output.of("shop").applyValue(v -> {
                throw new IllegalStateException("no domain for " + v);
            }));
        }
    }

    @BeforeEach
    void project() throws IOException {
        project = PlanProject.in(dir, StackReferencePlanTest.class);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), """
                config:
                  codezero:kubeconfig: KUBECONFIG
                  codezero:cluster: {name: shop}
                  plan-test:adminPassword:
                    secure: AAABAKZEncryptedBlob
                """.replace("KUBECONFIG", dir.resolve("kubeconfig").toString()));
    }

    @AfterEach
    void restore() {
        project.restore();
    }

    private int plan(String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = dir.toString();
        System.arraycopy(extra, 0, args, 1, extra.length);
        return PlanCommand.commandLine().execute(args);
    }

    @Test
    void aStackReferencesOutputsAreUnknownAndTheNoteSaysHowToGiveThem() {
        int exit = plan();
        assertThat(exit).as(project.err()).isZero();
        assertThat(project.out())
                .containsPattern("zone\\s+\\(known after deploy\\)")
                .containsPattern("replicas\\s+\\(known after deploy\\)")
                .contains("codezero:index:Stack  shop")
                .contains("Note: the outputs of acme/network/prod (read by a StackReference) are known only at deploy time")
                .contains("--stack-reference-output acme/network/prod:KEY=VALUE");
    }

    @Test
    void docsPlanShowsThisTestsProgramAndWhatItPrints() throws IOException {
        String doc = Files.readString(repository().resolve("docs/plan.md"));
        String source = Files.readString(repository().resolve("stacks/src/test/java/io/codezero/stacks/plan/StackReferencePlanTest.java"));
        String section = doc.substring(doc.indexOf("## Values from other stacks"));
        String example = section.substring(section.indexOf("```java") + 7, section.indexOf("```", section.indexOf("```java") + 7));
        example.lines().map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> assertThat(source).as("docs/plan.md's example line is this test's program").contains(line));
        int exit = plan();
        assertThat(exit).as(project.err()).isZero();
        String note = section.lines().filter(line -> line.startsWith("Note: ")).findFirst().orElseThrow();
        assertThat(project.out()).contains(note);
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    @Test
    void aGivenOutputIsReadWithItsJsonTypeAndASecretStaysSecret() {
        int exit = plan("--stack-reference-output", "acme/network/prod:zone=shop.example.com",
                "--stack-reference-output", "acme/network/prod:replicas=3",
                "--stack-reference-secret", "acme/network/prod:token=hunter2");
        assertThat(exit).as(project.err()).isZero();
        assertThat(project.out())
                .containsPattern("zone\\s+shop\\.example\\.com")
                .containsPattern("replicas\\s+3\\.0")
                .containsPattern("token\\s+\\[secret\\]")
                .doesNotContain("hunter2")
                .doesNotContain("known only at deploy time");
    }

    @Test
    void anOutputMissingFromAGivenStackIsAShortErrorNamingIt() {
        int exit = plan("--stack-reference-output", "acme/network/prod:replicas=3");
        String err = project.err();
        assertThat(exit).isEqualTo(1);
        assertThat(err).contains("Required output 'zone' does not exist on stack 'acme/network/prod'")
                .contains("give this one too")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(err.lines().count()).as(err).isLessThanOrEqualTo(5);
        assertThat(err.length()).as(err).isLessThan(600);
    }

    @Test
    void aValueForAStackTheProgramDoesNotReferenceIsRefused() {
        int exit = plan("--stack-reference-output", "acme/netwrok/prod:zone=x");
        assertThat(exit).isEqualTo(PlanCommand.INVALID_INPUT);
        assertThat(project.err()).contains("[acme/netwrok/prod], which the program does not reference; it references [acme/network/prod]");
    }

    @Test
    void aMalformedFlagIsRefusedWithItsForm() {
        assertThat(plan("--stack-reference-output", "acme/network/prod=zone")).isEqualTo(PlanCommand.INVALID_INPUT);
        assertThat(project.err()).contains("expected STACK:KEY=VALUE");
    }

    @Test
    void theEngineFunctionsAProgramCallsWorkOffline() throws IOException {
        PlanProject.in(dir, EngineFunctions.class).restore();
        int exit = plan("--stack-reference-output", "acme/network/dev:cidr=10.0.0.0/16");
        assertThat(exit).as(project.err()).isZero();
        assertThat(project.out())
                .containsPattern("stack\\s+dev")
                .containsPattern("project\\s+plan-test")
                .containsPattern("deploymentStack\\s+dev")
                .containsPattern("password\\s+\\[secret\\]")
                .containsPattern("apiKey\\s+\\[secret\\]")
                .containsPattern("cidr\\s+10\\.0\\.0\\.0/16")
                .containsPattern("details\\s+10\\.0\\.0\\.0/16")
                .doesNotContain("not-shown").doesNotContain("AAABAKZEncryptedBlob");
    }

    @Test
    void aFailingProgramIsAShortErrorWithItsLineNotATrace() throws IOException {
        PlanProject.in(dir, Failing.class).restore();
        int exit = plan();
        String err = project.err();
        assertThat(exit).isEqualTo(1);
        assertThat(err).contains("NullPointerException")
                .contains("at " + Failing.class.getName() + ".stack(StackReferencePlanTest.java:")
                .contains("CODEZERO_TRACE=1")
                .doesNotContain("\tat ");
        assertThat(err.lines().count()).as(err).isLessThanOrEqualTo(5);
    }

    @Test
    void aFailureInsideAnApplyIsItsMessageWithoutTheEnginesCommandLine() throws IOException {
        PlanProject.in(dir, FailingLater.class).restore();
        int exit = plan();
        String err = project.err();
        assertThat(exit).isEqualTo(1);
        assertThat(err).contains("no domain for shop").doesNotContain("Running program").doesNotContain("-cp ").doesNotContain("\tat ");
        assertThat(err.length()).as(err).isLessThan(400);
    }
}
