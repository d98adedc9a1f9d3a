package io.codezero.stacks.plan;

import com.pulumi.Context;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflinePlan;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Kubernetes objects a program authors for a project's stack, in process: what {@code ./codezero plan DIR --stack S
 * --objects-out FILE} writes, as a list. Tests seed a real API server with them (the console's tests), so what they check
 * is what the program declares, not a hand-copied object.
 */
public final class PlannedObjects {
    private PlannedObjects() {
    }

    /**
     * Plans a stack offline and returns its objects.
     *
     * @param projectDir the Pulumi project directory (Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml)
     * @param stack the stack whose config is read
     * @param program the program ({@code App::stack} of the project)
     * @return every Kubernetes object CodeZero authors (not Helm releases), secret values masked
     * @throws IOException when the project cannot be read or the plan fails
     */
    public static List<Map<String, Object>> of(Path projectDir, String stack, Consumer<Context> program) throws IOException {
        return ObjectsExport.objects(run(projectDir, stack, program));
    }

    /**
     * Plans a stack offline and writes what each of its Helm releases would install, as {@code ./codezero plan DIR --stack S
     * --values-out OUT} does (one JSON file per release: chart, version, namespace, values). Tests render the pinned charts
     * with them, so an object a chart makes (the metrics layer's Prometheus Service) is the one the stack would get.
     *
     * @param projectDir the Pulumi project directory (Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml)
     * @param stack the stack whose config is read
     * @param program the program ({@code App::stack} of the project)
     * @param dir where the release files go
     * @return the files written
     * @throws IOException when the project cannot be read, the plan fails, or a release's values are secret
     */
    public static List<Path> values(Path projectDir, String stack, Consumer<Context> program, Path dir) throws IOException {
        ValuesExport.Result result = ValuesExport.write(run(projectDir, stack, program), dir);
        if (!result.secretReleases().isEmpty()) {
            throw new IOException("these releases' values are secret and were masked: " + result.secretReleases());
        }
        return result.files();
    }

    private static OfflineRun run(Path projectDir, String stack, Consumer<Context> program) throws IOException {
        StackFiles files = StackFiles.read(projectDir, stack);
        System.setProperty(OfflinePlan.PROPERTY, "true");
        OfflineRun run = OfflineEngine.create().project(files.project()).stack(stack).config(files.config())
                .secretKeys(files.secretKeys()).mocks(PlanMocksContributor.discover()).run(program);
        if (!run.succeeded()) {
            throw new IOException("the plan of " + projectDir + " (stack " + stack + ") failed: " + run.failure());
        }
        return run;
    }
}
