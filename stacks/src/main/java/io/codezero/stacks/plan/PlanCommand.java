package io.codezero.stacks.plan;

import com.pulumi.Context;
import io.codezero.core.config.PulumiYaml;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflinePlan;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.OutputFailedException;
import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.stacks.CommonPoolParallelism;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code codezero plan <project-dir>}: runs a stack program under Pulumi's mock engine, with no
 * CLI, credentials or network, and prints what it would build. Exit 0 when the program is valid,
 * 2 when its input is invalid (every problem listed), 1 for anything else.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a CodeZero stack program would build, offline.")
public final class PlanCommand implements Callable<Integer> {
    static final int INVALID_INPUT = 2;

    @Parameters(index = "0", description = "Pulumi project directory, e.g. examples/minikube")
    Path dir;

    @Option(names = "--stack", defaultValue = "dev", description = "stack whose Pulumi.<stack>.yaml to read (default: ${DEFAULT-VALUE})")
    String stack;

    @Option(names = "--values-out", paramLabel = "DIR",
            description = "also write each Helm release's chart, repository, version and values to DIR/<release>.json, and DIR/index.tsv")
    Path valuesOut;

    @Option(names = "--config", description = "extra config, key=value (namespaced like codezero:context=minikube); "
            + "a dotted key sets a nested value like `pulumi config set --path` (codezero:cluster.name=demo)")
    java.util.Map<String, String> extraConfig = new java.util.LinkedHashMap<>();

    @Option(names = "--secret", paramLabel = "KEY=VALUE", description = "like --config, for a credential: the program reads the key"
            + " as a Pulumi secret, as after `pulumi config set --secret [--path]`, and the plan never prints it")
    java.util.Map<String, String> secretConfig = new java.util.LinkedHashMap<>();

    @Option(names = "--stack-reference-output", paramLabel = "STACK:KEY=VALUE",
            description = "the value a StackReference to STACK reads for output KEY (VALUE as JSON when valid JSON, else text);"
                    + " without one a referenced stack's outputs are unknown, shown as known after deploy")
    java.util.List<String> stackReferenceOutputs = new java.util.ArrayList<>();

    @Option(names = "--stack-reference-secret", paramLabel = "STACK:KEY=VALUE",
            description = "like --stack-reference-output, for an output the referenced stack holds as a secret")
    java.util.List<String> stackReferenceSecrets = new java.util.ArrayList<>();

    @Option(names = "--objects-out", paramLabel = "FILE",
            description = "also write every Kubernetes object CodeZero authors (not Helm releases' objects) to FILE as YAML, secrets masked")
    Path objectsOut;

    public static void main(String[] args) {
        // before anything touches the common pool: without it, two CPUs mean a new thread per async step
        CommonPoolParallelism.ensureAtLeastTwo();
        System.exit(commandLine().execute(args));
    }

    /**
     * The command as {@code ./codezero plan} runs it: anything the command itself did not foresee is
     * reported in a few lines (full trace with CODEZERO_TRACE=1), never as a bare stack trace.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new PlanCommand()).setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("error: the plan failed:");
            ProgramFailure.describe(e).forEach(line -> commandLine.getErr().println("  " + line));
            if (ProgramFailure.traceWanted()) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        StackFiles files;
        try {
            files = StackFiles.read(dir, stack);
        } catch (PulumiYaml.InvalidYamlException e) {
            System.err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        Method program;
        try {
            program = programMethod(files.mainClass());
        } catch (ClassNotFoundException e) {
            System.err.println("error: the program class " + files.mainClass() + " (<codezero.mainClass> in " + dir.resolve("pom.xml")
                    + ") is not on the classpath; is it spelled as its package and class name, and does the project compile?");
            return 1;
        } catch (NoSuchMethodException e) {
            System.err.println("error: " + files.mainClass() + " needs a `public static void stack(Context ctx)` method"
                    + " (your main calls Pulumi.run(" + files.mainClass().substring(files.mainClass().lastIndexOf('.') + 1) + "::stack))");
            return 1;
        }
        Map<String, String> config;
        try {
            config = ConfigPaths.apply(ConfigPaths.apply(files.config(), extraConfig), secretConfig);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        }
        PlanMocks mocks = PlanMocksContributor.discover();
        try {
            StackReferenceFlags.apply(stackReferenceOutputs, false, mocks.stackReferences());
            StackReferenceFlags.apply(stackReferenceSecrets, true, mocks.stackReferences());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        }
        OfflineEngine engine = OfflineEngine.create().project(files.project()).stack(stack)
                .config(config).secretKeys(files.secretKeys())
                .secretKeys(secretConfig.keySet().stream().map(ConfigPaths::rootOf).collect(java.util.stream.Collectors.toSet()))
                .mocks(mocks);
        System.setProperty(OfflinePlan.PROPERTY, "true");
        OfflinePlan.clearNotes();

        AtomicReference<Throwable> failure = new AtomicReference<>();
        OfflineRun run;
        try {
            run = engine.run(invoke(program, failure));
        } catch (OutputFailedException e) {
            // a value known only at deploy time failed (e.g. checked when it resolved): the program fails as under `pulumi up`
            return programFailed(e.getCause(), e.run());
        }

        if (failure.get() instanceof SpecValidationException invalid) {
            System.err.println("The stack's input is invalid; nothing would be created.");
            System.err.println(CommandLineValues.explain(invalid, extraConfig.keySet()));
            return INVALID_INPUT;
        }
        if (failure.get() != null || !run.succeeded()) {
            return programFailed(failure.get(), run);
        }
        Set<String> unreferenced = new TreeSet<>(mocks.stackReferences().given());
        mocks.stackReferences().referenced().forEach(unreferenced::remove);
        if (!unreferenced.isEmpty()) {
            System.err.println("error: --stack-reference-output names " + unreferenced + ", which the program does not reference; it references "
                    + (mocks.stackReferences().referenced().isEmpty() ? "no stack" : mocks.stackReferences().referenced()));
            return INVALID_INPUT;
        }
        if (objectsOut != null) {
            System.err.println("wrote " + ObjectsExport.write(run, objectsOut) + " Kubernetes objects to " + objectsOut);
        }
        if (valuesOut != null) {
            ValuesExport.Result exported = ValuesExport.write(run, valuesOut);
            if (!exported.secretReleases().isEmpty()) {
                System.err.println("error: Helm values must never be secret; masked in the export: " + exported.secretReleases());
                return 1;
            }
            System.err.println("wrote " + exported.files().size() + " Helm releases and " + ValuesExport.INDEX + " to " + valuesOut);
        }
        new PlanPrinter(run, System.out).print("CodeZero offline plan: " + dir + " (project " + files.project() + ", stack " + stack + ")");
        List<String> unknownStacks = new ArrayList<>(mocks.stackReferences().referenced());
        unknownStacks.removeAll(mocks.stackReferences().given());
        if (!unknownStacks.isEmpty()) {
            OfflinePlan.note("the outputs of " + String.join(", ", unknownStacks) + " (read by a StackReference) are known only at deploy time,"
                    + " so what depends on them shows as (known after deploy); give a value with --stack-reference-output "
                    + unknownStacks.get(0) + ":KEY=VALUE (docs/plan.md)");
        }
        for (String note : OfflinePlan.notes()) {
            System.out.println();
            System.out.println("Note: " + note);
        }
        System.out.printf("%nPlanned offline in %.2f s; nothing was deployed.%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** A short account of a failed program: its message and line, the full trace only with CODEZERO_TRACE set. */
    private static int programFailed(Throwable thrown, OfflineRun run) {
        System.err.println("The program failed under the offline engine:");
        List<String> lines = new ArrayList<>();
        if (thrown != null) {
            lines.addAll(ProgramFailure.describe(thrown));
        } else {
            // the engine's errors log the same exceptions again; they are all there is when no exception was kept
            run.exceptions().forEach(e -> lines.addAll(ProgramFailure.describe(e)));
            if (lines.isEmpty()) {
                lines.addAll(ProgramFailure.describeErrors(run.errors()));
            }
        }
        new LinkedHashSet<>(lines).forEach(line -> System.err.println("  " + line));
        if (ProgramFailure.traceWanted()) {
            if (thrown != null) {
                thrown.printStackTrace();
            }
            run.exceptions().forEach(Throwable::printStackTrace);
            run.errors().forEach(System.err::println);
        } else {
            System.err.println("(set " + ProgramFailure.TRACE_VARIABLE + "=1 for the full stack trace)");
        }
        return 1;
    }

    private static Consumer<Context> invoke(Method program, AtomicReference<Throwable> failure) {
        return ctx -> {
            try {
                program.invoke(null, ctx);
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Method programMethod(String mainClass) throws ClassNotFoundException, NoSuchMethodException {
        Method method = Class.forName(mainClass).getMethod("stack", Context.class);
        if (!java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
            throw new NoSuchMethodException(mainClass + ".stack(Context) must be public static");
        }
        return method;
    }

}
