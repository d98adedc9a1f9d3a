package io.codezero.core.plan;

/** A stack output after an offline run; {@code value} is null when it was unknown. */
public record PlannedOutput(Object value, boolean secret, boolean known) {

    /** The value as a plan may print it: secrets are never shown. */
    public String display() {
        if (secret) {
            return "[secret]";
        }
        return known ? String.valueOf(value) : "(known after deploy)";
    }
}
