package io.codezero.core.preflight;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every check's outcome, in the order they ran, for one target.
 *
 * @param target  how messages name the target: "AWS", "Azure", "Google Cloud", "DigitalOcean"
 * @param results every check's outcome, in order
 */
public record PreflightReport(String target, List<CheckResult> results) {
    /**
     * Copies the results.
     *
     * @param target  how messages name the target
     * @param results every check's outcome, in order
     */
    public PreflightReport {
        results = List.copyOf(results);
    }

    /**
     * The failed checks.
     *
     * @return the failures, in order
     */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.status() == CheckStatus.FAIL).toList();
    }

    /**
     * The checks that could not be made.
     *
     * @return the unknowns, in order
     */
    public List<CheckResult> unknowns() {
        return results.stream().filter(r -> r.status() == CheckStatus.UNKNOWN).toList();
    }

    /**
     * One check's outcome by name.
     *
     * @param check the check's short name
     * @return its result, or empty when it did not run
     */
    public Optional<CheckResult> result(String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst();
    }

    /**
     * Whether no check failed (unknowns do not fail the report).
     *
     * @return true when nothing failed
     */
    public boolean passed() {
        return failures().isEmpty();
    }

    /**
     * The results, one line each, as the command prints them.
     *
     * @return the report's text
     */
    public String render() {
        return results.stream().map(CheckResult::toString).collect(Collectors.joining("\n"));
    }

    /**
     * A preflight command's ending: every result on {@code out}; exit 1 with a summary on {@code err} when a check failed, else 0.
     *
     * @param out where the results go
     * @param err where the summary of failures goes
     * @return the command's exit code
     */
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

    /** The program's preflight failed: thrown before any resource registers, every failed check in the message. */
    public static final class PreflightException extends IllegalStateException {
        private final transient PreflightReport report;

        PreflightException(PreflightReport report) {
            super(report.target() + " preflight failed (" + report.failures().size() + " problem" + (report.failures().size() == 1 ? "" : "s") + "):\n"
                    + report.failures().stream().map(f -> "  - " + f.message()).collect(Collectors.joining("\n")));
            this.report = report;
        }

        /**
         * The report that failed.
         *
         * @return the report
         */
        public PreflightReport report() {
            return report;
        }
    }
}
