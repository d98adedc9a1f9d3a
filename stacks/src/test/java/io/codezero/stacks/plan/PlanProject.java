package io.codezero.stacks.plan;

import io.codezero.stacks.TestTargets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Pulumi project for plan-command tests: Pulumi.yaml, a pom naming {@link PlanCommandTest#stack} as the
 * program, the test kubeconfig, and the command's stdout and stderr captured while a test runs.
 */
final class PlanProject {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    static PlanProject in(Path dir) throws IOException {
        return in(dir, PlanCommandTest.class);
    }

    /** A project whose program is {@code program}'s {@code public static void stack(Context)}. */
    static PlanProject in(Path dir, Class<?> program) throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: plan-test\nruntime: java\n");
        Files.writeString(dir.resolve("pom.xml"), "<project><properties><codezero.mainClass>"
                + program.getName() + "</codezero.mainClass></properties></project>");
        TestTargets.writeKubeconfig(dir);
        PlanProject project = new PlanProject();
        project.originalOut = System.out;
        project.originalErr = System.err;
        System.setOut(new PrintStream(project.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(project.err, true, StandardCharsets.UTF_8));
        return project;
    }

    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
