package io.codezero.core.validation;

/**
 * One thing wrong with the user's input: where (a dotted path such as {@code nodePools[1].maxNodes}),
 * the value that was given, and what would be valid.
 */
public record Problem(String field, String value, String message) {

    /**
     * A problem; a null value reads as {@code <missing>}.
     *
     * @param field the path of the input, e.g. {@code nodePools[1].maxNodes}
     * @param value the value given, or null when none was
     * @param message what is wrong and what would be valid
     * @return the problem
     */
    public static Problem of(String field, Object value, String message) {
        return new Problem(field, value == null ? "<missing>" : String.valueOf(value), message);
    }

    @Override
    public String toString() {
        return field + " = " + quoted(value) + ": " + message;
    }

    private static String quoted(String value) {
        return "<missing>".equals(value) ? value : "\"" + value + "\"";
    }
}
