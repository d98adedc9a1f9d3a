package io.codezero.stacks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A value known only at deploy time that fails (an Output checked when it resolves) is a failed program in the plan, reported
 * in a few lines like any other: the offline engine throws it (SettlingRunnerTest's contract), the command reports it.
 */
class DeployTimeFailurePlanTest {
    /** The program: a namespace whose name comes from another resource and is refused once it resolves. */
    public static void stack(Context ctx) {
        new Namespace("ns", NamespaceArgs.builder().metadata(ObjectMetaArgs.builder().name(Output.of("Shop_1").applyValue(name -> {
            throw new IllegalArgumentException("metadata.name = \"" + name + "\": must be lowercase letters, digits or '-'");
        })).build()).build());
    }

    @Test
    void aValueRefusedWhenItResolvesFailsThePlanInAFewLinesWithItsMessage(@TempDir Path dir) throws Exception {
        PlanProject project = PlanProject.in(dir, DeployTimeFailurePlanTest.class);
        int exit;
        try {
            Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config: {}\n");
            exit = new CommandLine(new PlanCommand()).execute(dir.toString());
        } finally {
            project.restore();
        }
        assertThat(exit).as(project.err()).isEqualTo(1);
        assertThat(project.err()).contains("The program failed under the offline engine:")
                .contains("metadata.name = \"Shop_1\": must be lowercase letters, digits or '-'")
                .doesNotContain("\tat ").doesNotContain("CompletionException").doesNotContain("OutputFailedException");
        assertThat(project.out()).doesNotContain("Planned offline");
    }
}
