package io.codezero.baremetal.ssh;

import java.util.Objects;

/**
 * A private key, password or token. {@link #toString()} never shows the value, so a secret that
 * ends up in a log line, an exception message or a debugger shows {@code [secret]}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** A secret, or null when the value is null or blank (an optional secret input left out). */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
