package io.codezero.core.preflight;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every check's outcome, in the order they ran, for one target ({@code target} names it in
 * messages: "AWS", "Azure", "Google Cloud", "DigitalOcean").
 */
public record PreflightReport(String target, List<CheckResult> results) {
    public PreflightReport {
        results = List.copyOf(results);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
    }

    public List<CheckResult> unknowns() {
        return results.stream().filter(r -> r.status() == CheckStatus.UNKNOWN).toList();
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

    /** A preflight command's ending: every result on {@code out}; exit 1 with a summary on {@code err} when a check failed, else 0. */
    public int print(PrintStream out, PrintStream err) {
        out.println(render());
        if (!passed()) {
            err.println(target + " preflight failed: " + failures().size() + " check(s) failed");
            return 1;
        }
        return 0;
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
            super(report.target() + " preflight failed (" + report.failures().size() + " problem" + (report.failures().size() == 1 ? "" : "s") + "):\n"
                    + report.failures().stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n")));
            this.report = report;
        }

        public PreflightReport report() {
            return report;
        }
    }
}
