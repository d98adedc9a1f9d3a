package io.codezero.baremetal.install;

import java.util.List;

/** A machine does not meet the requirements; lists every unmet one. */
public final class HostValidationException extends RuntimeException {
    private final List<String> problems;

    public HostValidationException(List<String> problems) {
        super("the machine does not meet the requirements: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
