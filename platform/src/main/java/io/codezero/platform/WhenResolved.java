package io.codezero.platform;

import com.pulumi.core.Output;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.util.List;
import java.util.function.Function;

/**
 * Checks for values known only at deploy time. A plain value is checked before anything is registered; a value
 * that comes from another resource (an {@link Output}) is checked here when it resolves, with the same check, so a
 * bad value fails every resource that uses it with the same message a plain value would have got. An unknown value
 * (in a preview) stays unknown and is not checked.
 */
public final class WhenResolved {
    /** The subject of the failure, which says why the problem was not reported before anything was registered. */
    static final String SUBJECT = "a value known only at deploy time (an Output, checked when it resolved)";

    private WhenResolved() {
    }

    /**
     * The value, failing when it resolves to one with problems.
     *
     * @param value    the value another resource gives
     * @param problems the problems of a resolved value, with the path the plain value would be reported at
     * @param <T>      the value's type
     * @return an Output that resolves to the same value, or fails with every problem
     */
    public static <T> Output<T> check(Output<T> value, Function<T, List<Problem>> problems) {
        return value.applyValue(resolved -> {
            SpecValidationException.throwIfAny(SUBJECT, problems.apply(resolved));
            return resolved;
        });
    }
}
