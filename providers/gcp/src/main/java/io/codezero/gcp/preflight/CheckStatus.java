package io.codezero.gcp.preflight;

/** PASS: checked and fine. FAIL: checked and a deploy would fail. UNKNOWN: could not be checked (never counts as a pass). */
public enum CheckStatus {
    PASS,
    FAIL,
    UNKNOWN
}
