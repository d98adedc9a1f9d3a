package io.codezero.gcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GKE release channels as the provider's schema (terraform-provider-google-beta 5.0.0, which
 * com.pulumi:gcp 7.0.0 is bridged from) accepts them. In a channel GKE keeps node auto-upgrade
 * on; {@link #UNSPECIFIED} (no channel) lets us turn it off so every upgrade is one we apply.
 */
public enum ReleaseChannel {
    /** Newest versions first, soon after their open-source release. */
    RAPID,
    /** The default: versions once proven in RAPID. */
    REGULAR,
    /** Versions once proven in REGULAR; the slowest upgrades. */
    STABLE,
    /** No channel: node auto-upgrade may be off, so upgrades happen only when you apply them. */
    UNSPECIFIED;

    /**
     * Reads a channel name, ignoring case and surrounding blanks.
     * @param text the name, may be {@code null}
     * @return the channel, or empty if none matches
     */
    public static Optional<ReleaseChannel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst();
    }

    /** {@return the valid names, comma-separated, for problem messages} */
    public static String validIds() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Whether GKE forces node auto-upgrade (true for every real channel).
     * @return true unless {@link #UNSPECIFIED}
     */
    public boolean forcesNodeAutoUpgrade() {
        return this != UNSPECIFIED;
    }
}
