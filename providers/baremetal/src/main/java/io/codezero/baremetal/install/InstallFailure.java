package io.codezero.baremetal.install;

import java.util.List;
import java.util.stream.Collectors;

/** Every machine that failed in a run of phases; the message lists each with its phase. */
public final class InstallFailure extends RuntimeException {
    private final List<PhaseFailure> failures;

    public InstallFailure(List<PhaseFailure> failures) {
        super(failures.size() == 1 ? failures.get(0).getMessage()
                : failures.size() + " hosts failed:\n" + failures.stream().map(f -> "  - " + f.getMessage()).collect(Collectors.joining("\n")),
                failures.get(0));
        this.failures = List.copyOf(failures);
    }

    public List<PhaseFailure> failures() {
        return failures;
    }

    public boolean anyHostChanged() {
        return failures.stream().anyMatch(PhaseFailure::changedHost);
    }
}
