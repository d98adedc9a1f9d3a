package io.codezero.core.plan;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Finds, among a failed run's exceptions, one raised by a deploy-time value: a callback of an {@code Output}
 * ({@code apply}, {@code applyValue}) that threw, for instance a value validated when it resolves. Such a failure
 * reaches the mock engine's caller in one of two ways depending on which future completes first (from the harness
 * itself when an exported value depends on it, else only in the run's result); the offline engine throws it in
 * both cases, so a caller meets it one way.
 */
final class OutputFailure {
    private OutputFailure() {
    }

    /**
     * The first exception raised inside an Output's callback, from the exceptions or their causes.
     *
     * @param exceptions the exceptions the SDK's runner kept
     * @return the callback's exception, or empty when the run failed otherwise (the program threw, the engine refused)
     */
    static Optional<Throwable> in(Collection<? extends Throwable> exceptions) {
        for (Throwable thrown : exceptions) {
            // the serializer wraps a failed input in its own exception ("serializing property ..."): look down the causes
            for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (raisedByACallback(cause)) {
                    return Optional.of(cause);
                }
            }
        }
        return Optional.empty();
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The Pulumi code nearest the throw is the Output machinery: the SDK called the code that threw as a callback. */
    private static boolean raisedByACallback(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("com.pulumi.")) {
                return type.equals("com.pulumi.core.Output") || type.startsWith("com.pulumi.core.internal.Output");
            }
        }
        return false;
    }
}
