package io.codezero.core.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a test server, an emulator, root, the SSH test hosts). Where it
 * is missing, a local run skips the test and says why; under {@code CI=true} the test fails instead,
 * so a green CI run can never hide tests that did not run.
 */
public final class TestPrerequisites {
    private TestPrerequisites() {
    }

    /** Whether this run is CI's, where nothing may skip. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Continues when {@code present}; otherwise skips locally and fails under CI, both with {@code why}
     * (what is missing and how to provide it, e.g. "moto_server not on PATH: pip install 'moto[server]==5.2.5'").
     */
    public static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if (inCi()) {
            throw new AssertionError("CI=true and a test prerequisite is missing (tests may not skip in CI): " + why);
        }
        Assumptions.assumeTrue(false, "skipped: " + why);
    }
}
