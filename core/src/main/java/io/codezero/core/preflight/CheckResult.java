package io.codezero.core.preflight;

/** One check's outcome; a FAIL's message is one sentence saying what is wrong and what to do. */
public record CheckResult(String check, CheckStatus status, String message) {
    public static CheckResult pass(String check, String message) {
        return new CheckResult(check, CheckStatus.PASS, message);
    }

    public static CheckResult fail(String check, String message) {
        return new CheckResult(check, CheckStatus.FAIL, message);
    }

    public static CheckResult unknown(String check, String message) {
        return new CheckResult(check, CheckStatus.UNKNOWN, message);
    }

    @Override
    public String toString() {
        return String.format("%-7s %-18s %s", status, check, message);
    }
}
