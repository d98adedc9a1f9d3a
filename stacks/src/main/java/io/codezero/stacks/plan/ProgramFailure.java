package io.codezero.stacks.plan;

import com.pulumi.resources.StackReference;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A program's failure under the offline engine in a few lines: what failed and the line of the
 * program it failed on, instead of the SDK's wrapped exceptions and their traces. The full trace is
 * printed only when {@code CODEZERO_TRACE} is set.
 */
final class ProgramFailure {
    static final String TRACE_VARIABLE = "CODEZERO_TRACE";

    private ProgramFailure() {
    }

    /** The lines that describe {@code failure}: its cause's message, where the program threw it, and a hint where one helps. */
    static List<String> describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        List<String> lines = new ArrayList<>();
        lines.add(message(cause));
        programFrame(cause).ifPresent(frame -> lines.add("  at " + frame));
        if (cause instanceof StackReference.KeyMissingException) {
            lines.add("  a stack given --stack-reference-output values has only those outputs in the plan;"
                    + " give this one too, or none to leave them all unknown");
        }
        return lines;
    }

    /**
     * The engine's error lines, the first line of each and each once. The SDK logs a failed program as
     * "Running program [PID: n](the whole java command line, classpath included) failed with an unhandled
     * exception:" and the trace: that line says nothing a user needs and runs to thousands of characters.
     */
    static List<String> describeErrors(List<String> errors) {
        Set<String> lines = new LinkedHashSet<>();
        for (String error : errors) {
            error.strip().lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !RUNNING_PROGRAM.matcher(line).matches())
                    .findFirst().ifPresent(lines::add);
        }
        return List.copyOf(lines);
    }

    private static final java.util.regex.Pattern RUNNING_PROGRAM = java.util.regex.Pattern.compile("Running program \\[PID: \\d+].*");

    static boolean traceWanted() {
        String value = System.getenv(TRACE_VARIABLE);
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    /** The exception a user would have thrown: the SDK and reflection wrap it in layers that say nothing. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current
                && (current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException || isBareWrapper(current))) {
            current = current.getCause();
        }
        return current;
    }

    /** A wrapper whose message is only its cause's toString (new RuntimeException(cause)). */
    private static boolean isBareWrapper(Throwable t) {
        return t.getMessage() == null || t.getMessage().equals(String.valueOf(t.getCause()));
    }

    private static String message(Throwable cause) {
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        // exceptions meant for people (IllegalArgument, IllegalState) read best without their type
        boolean plain = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                || cause.getClass().getName().startsWith("com.pulumi.");
        return plain ? message.strip() : type + ": " + message.strip();
    }

    /** The first frame outside the JDK, the Pulumi SDK and the engine: the user's line, or CodeZero's. */
    private static java.util.Optional<String> programFrame(Throwable cause) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            String c = frame.getClassName();
            if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.pulumi.")
                    || c.startsWith("com.google.") || c.startsWith("io.codezero.core.plan.") || c.startsWith(PlanCommand.class.getName()))) {
                return java.util.Optional.of(frame.toString());
            }
        }
        return java.util.Optional.empty();
    }
}
