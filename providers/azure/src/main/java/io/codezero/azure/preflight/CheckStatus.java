package io.codezero.azure.preflight;

/** The outcome of one preflight check. */
public enum CheckStatus {
    PASS,
    FAIL,
    /** The check could not be made (API unavailable, no permission): never reported as a pass. */
    UNKNOWN
}
