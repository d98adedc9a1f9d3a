package io.codezero.core.plan;

import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * A deploy-time value failed under the offline engine: an {@code Output} callback threw (a value from another
 * resource validated when it resolves, for one). Its cause is the callback's exception, which is what the program
 * would report under {@code pulumi up}; {@link #run()} is what was registered until then.
 */
public final class OutputFailedException extends CompletionException {
    private static final long serialVersionUID = 1L;
    private final transient OfflineRun run;

    OutputFailedException(Throwable cause, OfflineRun run) {
        super(String.valueOf(Objects.requireNonNull(cause).getMessage()), cause);
        this.run = run;
    }

    /**
     * The run as far as it went: what registered, the engine's errors.
     *
     * @return the failed run
     */
    public OfflineRun run() {
        return run;
    }
}
