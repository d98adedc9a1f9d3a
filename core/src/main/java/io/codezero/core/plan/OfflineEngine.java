package io.codezero.core.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under Pulumi's mock engine, with no CLI, credentials or network, and
 * records what it would register. Used by the offline plan and by every module's tests.
 *
 * <p>The mock deployment is a process-wide singleton, so runs are serialized here.
 */
public final class OfflineEngine {
    private static final Object LOCK = new Object();

    private String project = "codezero";
    private String stack = "dev";
    private final Map<String, String> config = new LinkedHashMap<>();
    private final Set<String> secretKeys = new LinkedHashSet<>();
    private Mocks mocks = new PlanMocks();

    public static OfflineEngine create() {
        return new OfflineEngine();
    }

    public OfflineEngine project(String project) {
        this.project = project;
        return this;
    }

    public OfflineEngine stack(String stack) {
        this.stack = stack;
        return this;
    }

    /** A config value; keys are namespaced as in Pulumi.&lt;stack&gt;.yaml, e.g. {@code codezero:context}. */
    public OfflineEngine config(String key, String value) {
        config.put(key, value);
        return this;
    }

    public OfflineEngine config(Map<String, String> values) {
        config.putAll(values);
        return this;
    }

    public OfflineEngine secretKeys(Set<String> keys) {
        secretKeys.addAll(keys);
        return this;
    }

    public OfflineEngine mocks(Mocks mocks) {
        this.mocks = mocks;
        return this;
    }

    /**
     * Runs the program and returns what it registered. A program that throws, or that the engine refuses (two
     * resources with one URN), is a failed run. A deploy-time value that fails (an {@code Output} callback that
     * throws, e.g. while a resource's inputs are serialized) is thrown as a {@link CompletionException} whose cause
     * is the callback's exception, whichever way the mock engine surfaced it.
     *
     * @param program the stack program
     * @return the run
     * @throws OutputFailedException when a deploy-time value failed
     */
    public OfflineRun run(Consumer<Context> program) {
        synchronized (LOCK) {
            RecordingMonitor[] monitor = new RecordingMonitor[1];
            try {
                TestResult result = PulumiTestInternal.builder()
                        .options(TestOptions.builder().projectName(project).stackName(stack).build())
                        .mocks(mocks)
                        .standardLogger(quietLogger())
                        .config(Map.copyOf(config), Set.copyOf(secretKeys))
                        .monitorDecorator(original -> monitor[0] = new RecordingMonitor(mocks))
                        .deploymentFactory(OfflineEngine::deployment)
                        .build()
                        .runTest(program);
                List<PlannedResource> planned = monitor[0] == null ? List.of() : monitor[0].planned();
                Map<String, PlannedOutput> outputs;
                try {
                    outputs = outputs(result);
                } catch (CompletionException e) {
                    // an exported value that depends on a failed Output fails as it is read
                    OfflineRun run = new OfflineRun(result.exitCode(), planned, Map.of(), List.copyOf(result.errors()),
                            new ArrayList<>(result.exceptions()));
                    throw new OutputFailedException(OutputFailure.unwrap(e), run);
                }
                OfflineRun run = new OfflineRun(result.exitCode(), planned, outputs, List.copyOf(result.errors()),
                        new ArrayList<>(result.exceptions()));
                if (!run.succeeded()) {
                    // the same failure when nothing exported depends on it: thrown too, never returned as a failed run
                    OutputFailure.in(result.exceptions()).ifPresent(failure -> {
                        throw new OutputFailedException(failure, run);
                    });
                }
                return run;
            } finally {
                PulumiTestInternal.cleanup();
            }
        }
    }

    private static DeploymentInternal deployment(DeploymentImpl.DeploymentState state) {
        state.runner = new SettlingRunner(state.runner);
        return new DeploymentImpl(state);
    }

    /** Program failures are returned in the run; the engine's own log lines would only repeat them. */
    private static java.util.logging.Logger quietLogger() {
        java.util.logging.Logger logger = java.util.logging.Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private static Map<String, PlannedOutput> outputs(TestResult result) {
        Map<String, PlannedOutput> outputs = new LinkedHashMap<>();
        result.outputs().forEach((key, output) -> outputs.put(key, planned(output)));
        return outputs;
    }

    private static PlannedOutput planned(Output<?> output) {
        OutputData<?> data = PulumiTestInternal.extractOutputData(output);
        return new PlannedOutput(data.getValueNullable(), data.isSecret(), data.isKnown());
    }
}
