package io.codezero.core.preflight;

/** The outcome of one preflight check. */
public enum CheckStatus {
    PASS,
    FAIL,
    /** The check could not be made (API unreachable, rate-limited, no permission): never reported as a pass. */
    UNKNOWN
}
