package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The outside-project template (e2e/outside-project) is what a user copies: its main does what README says main needs. */
class OutsideProjectTemplateTest {
    @Test
    void mainSetsTheCommonPoolParallelismBeforeTheSdkRuns() throws IOException {
        String main = Files.readString(Path.of("..", "e2e", "outside-project", "src", "main", "java", "com", "example", "platform", "Main.java"));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool");
        int ensure = main.indexOf("CommonPoolParallelism.ensureAtLeastTwo();");
        assertThat(ensure).as("Main.main calls CommonPoolParallelism.ensureAtLeastTwo()").isPositive();
        assertThat(ensure).as("before Pulumi.run").isLessThan(main.indexOf("Pulumi.run("));
    }
}
