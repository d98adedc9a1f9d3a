package io.codezero.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any resource is registered; carries every problem found, not just the first. */
public class SpecValidationException extends IllegalArgumentException {
    private final transient List<Problem> problems;

    /**
     * {@code problems} as found, each listed once: the same message about the same input found twice (two checks
     * reaching one input, one check run for several callers) is one problem to the user.
     *
     * @param subject what was checked, e.g. "stack 'shop'"
     * @param problems the problems found
     */
    public SpecValidationException(String subject, List<Problem> problems) {
        this(subject, distinct(problems), true);
    }

    private SpecValidationException(String subject, List<Problem> distinct, boolean deduplicated) {
        super(format(subject, distinct));
        this.problems = distinct;
    }

    private static List<Problem> distinct(List<Problem> problems) {
        java.util.Map<List<String>, Problem> first = new java.util.LinkedHashMap<>();
        problems.forEach(p -> first.putIfAbsent(java.util.Arrays.asList(p.field(), p.message()), p));
        return List.copyOf(first.values());
    }

    /**
     * The problems, each once, in the order found.
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(String subject, List<Problem> problems) {
        return problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + subject + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    /**
     * Throws if the list is non-empty.
     *
     * @param subject what was checked
     * @param problems the problems found
     */
    public static void throwIfAny(String subject, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new SpecValidationException(subject, problems);
        }
    }
}
