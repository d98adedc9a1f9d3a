package io.codezero.platform;

import com.pulumi.core.Output;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A setting that is either a plain value, known when the program runs, or an {@link Output} of another resource,
 * known at deploy time: Pulumi's "input" in other languages. A plain value is checked before anything is registered
 * ({@link #problems}); an Output is checked when it resolves ({@link #checked}), failing the resources that use it
 * with the same message. In a preview an unknown Output stays unknown in the plan.
 *
 * @param <T> the value's type
 */
public final class Input<T> {
    private final T plain;
    private final Output<T> output;

    private Input(T plain, Output<T> output) {
        this.plain = plain;
        this.output = output;
    }

    /**
     * A plain value.
     *
     * @param value the value; null means "not set"
     * @param <T>   its type
     * @return the input
     */
    public static <T> Input<T> of(T value) {
        return new Input<>(value, null);
    }

    /**
     * A value another resource gives.
     *
     * @param value the Output; never null
     * @param <T>   its type
     * @return the input
     */
    public static <T> Input<T> of(Output<T> value) {
        return new Input<>(null, Objects.requireNonNull(value, "Input.of(Output): the Output"));
    }

    /** The plain value; empty for an Output or when not set. */
    public Optional<T> known() {
        return Optional.ofNullable(plain);
    }

    /** True when the value comes from another resource. */
    public boolean isOutput() {
        return output != null;
    }

    /** True when neither a plain value nor an Output was given. */
    public boolean isMissing() {
        return plain == null && output == null;
    }

    /**
     * Problems of a plain value, found before anything is registered; none for an Output, which {@link #checked}
     * checks when it resolves.
     *
     * @param check the problems of a value
     * @return the plain value's problems
     */
    public List<Problem> problems(Function<T, List<Problem>> check) {
        return output == null ? check.apply(plain) : List.of();
    }

    /**
     * The value as an Output: a plain one as is, an Output checked when it resolves.
     *
     * @param check the same check {@link #problems} applies to a plain value
     * @return the value
     */
    public Output<T> checked(Function<T, List<Problem>> check) {
        return output == null ? Output.ofNullable(plain) : WhenResolved.check(output, check);
    }

    /** The value as an Output, unchecked. */
    public Output<T> output() {
        return output == null ? Output.ofNullable(plain) : output;
    }

    /** The plain value, or {@code placeholder} for an Output (for messages and notes). */
    public String describe(String placeholder) {
        return output == null ? String.valueOf(plain) : placeholder;
    }

    @Override
    public String toString() {
        return output == null ? "Input[" + plain + "]" : "Input[<output>]";
    }
}
