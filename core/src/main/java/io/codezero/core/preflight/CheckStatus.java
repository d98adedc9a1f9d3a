package io.codezero.core.preflight;

/** The outcome of one preflight check. */
public enum CheckStatus {
    /** The cloud will accept what this check looks at. */
    PASS,
    /** The cloud would refuse it: the deployment would fail. */
    FAIL,
    /** The check could not be made (API unreachable, rate-limited, no permission): never reported as a pass. */
    UNKNOWN
}
