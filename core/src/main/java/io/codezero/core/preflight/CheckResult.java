package io.codezero.core.preflight;

/**
 * One check's outcome; a FAIL's message is one sentence saying what is wrong and what to do.
 *
 * @param check   the check's short name, e.g. {@code quota}
 * @param status  passed, failed or unknown
 * @param message what was found; for a failure, what to do
 */
public record CheckResult(String check, CheckStatus status, String message) {
    /**
     * A passed check.
     *
     * @param check   the check's short name
     * @param message what was found
     * @return the result
     */
    public static CheckResult pass(String check, String message) {
        return new CheckResult(check, CheckStatus.PASS, message);
    }

    /**
     * A failed check.
     *
     * @param check   the check's short name
     * @param message what is wrong and what to do
     * @return the result
     */
    public static CheckResult fail(String check, String message) {
        return new CheckResult(check, CheckStatus.FAIL, message);
    }

    /**
     * A check that could not be made.
     *
     * @param check   the check's short name
     * @param message why it could not be made
     * @return the result
     */
    public static CheckResult unknown(String check, String message) {
        return new CheckResult(check, CheckStatus.UNKNOWN, message);
    }

    @Override
    public String toString() {
        return String.format("%-7s %-18s %s", status, check, message);
    }
}
