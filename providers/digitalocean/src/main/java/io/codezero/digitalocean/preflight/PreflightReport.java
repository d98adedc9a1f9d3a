package io.codezero.digitalocean.preflight;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every check's outcome, in the order they ran. */
public record PreflightReport(List<CheckResult> results) {
    public PreflightReport {
        results = List.copyOf(results);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
    }

    public Optional<CheckResult> result(String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    public String render() {
        return results.stream().map(CheckResult::toString).collect(Collectors.joining("\n"));
    }

    /** Fails the program, before any resource is registered, with every failed check listed. */
    public void throwIfFailed() {
        if (!passed()) {
            throw new IllegalStateException("DigitalOcean preflight failed (" + failures().size() + " problem" + (failures().size() == 1 ? "" : "s") + "):\n"
                    + failures().stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n")));
        }
    }
}
