package io.codezero.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any resource is registered; carries every problem found, not just the first. */
public class SpecValidationException extends IllegalArgumentException {
    private final transient List<Problem> problems;

    public SpecValidationException(String subject, List<Problem> problems) {
        super(format(subject, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String subject, List<Problem> problems) {
        return problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + subject + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }

    /** Throws if the list is non-empty. */
    public static void throwIfAny(String subject, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new SpecValidationException(subject, problems);
        }
    }
}
