package io.codezero.core.validation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Arguments of the typed Java API (builders, constructors) checked where they are passed: a null is reported as a
 * {@link Problem} naming the call, the way a bad config value is, instead of a NullPointerException deep inside.
 */
public final class Arguments {
    private Arguments() {
    }

    /**
     * {@code value}, or a {@link SpecValidationException} naming {@code call} (e.g. "ClusterSpec.Builder.nodePool").
     *
     * @param <T> the value's type
     * @param value the argument
     * @param call the builder method, named in the problem, e.g. "ClusterSpec.Builder.nodePool"
     * @return the value, never null
     */
    public static <T> T given(T value, String call) {
        if (value == null) {
            throw refused(call, "is null; pass a value (CodeZero's builders take no nulls: leave a setting out for its default)");
        }
        return value;
    }

    /**
     * A list or set with no null in it.
     *
     * @param <C> the collection's type
     * @param values the argument
     * @param call the builder method, named in the problem, e.g. "ClusterSpec.Builder.nodePool"
     * @return the collection
     */
    public static <C extends Collection<?>> C items(C values, String call) {
        given(values, call);
        int i = 0;
        for (Object item : values) {
            if (item == null) {
                throw refused(call + "[" + i + "]", "is null; every item must be a value (pass an empty list for none)");
            }
            i++;
        }
        return values;
    }

    /**
     * A map with no null key or value.
     *
     * @param <M> the map's type
     * @param map the argument
     * @param call the builder method, named in the problem, e.g. "ClusterSpec.Builder.nodePool"
     * @return the map
     */
    public static <M extends Map<?, ?>> M entries(M map, String call) {
        given(map, call);
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw refused(call + (k == null ? "" : "." + k), (k == null ? "has a null key" : "has a null value")
                        + "; every key and value must be given (an empty string is a value)");
            }
        });
        return map;
    }

    /**
     * Both of a key and value pair given, e.g. a tag or a label.
     *
     * @param key the key given
     * @param value the value given
     * @param call the builder method, named in the problem, e.g. "ClusterSpec.Builder.nodePool"
     */
    public static void pair(Object key, Object value, String call) {
        entries(java.util.Collections.singletonMap(key, value), call);
    }

    private static SpecValidationException refused(String call, String message) {
        return new SpecValidationException("the program's arguments", List.of(Problem.of(call, null, message)));
    }
}
