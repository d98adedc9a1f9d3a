package io.codezero.gcp.preflight;

import java.util.List;
import java.util.stream.Collectors;

/** Every check's outcome, in the order they ran. */
public record PreflightReport(List<CheckResult> results) {
    public PreflightReport {
        results = List.copyOf(results);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
    }

    public List<CheckResult> unknowns() {
        return results.stream().filter(r -> r.status() == CheckStatus.UNKNOWN).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    public String render() {
        return results.stream().map(CheckResult::toString).collect(Collectors.joining("\n"));
    }

    /** Fails the program, before any resource is registered, with every failed check in the message. */
    public void throwIfFailed() {
        if (!passed()) {
            throw new PreflightException(this);
        }
    }

    public static final class PreflightException extends IllegalStateException {
        private final transient PreflightReport report;

        PreflightException(PreflightReport report) {
            super("Google Cloud preflight failed (" + report.failures().size() + " problem" + (report.failures().size() == 1 ? "" : "s") + "):\n"
                    + report.failures().stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n")));
            this.report = report;
        }

        public PreflightReport report() {
            return report;
        }
    }
}
