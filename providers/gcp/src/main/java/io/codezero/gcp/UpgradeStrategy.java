package io.codezero.gcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How GKE replaces a pool's nodes during an upgrade: a few at a time (surge) or a whole new set first (blue-green). */
public enum UpgradeStrategy {
    /** A few nodes at a time ({@code maxSurge} extra, {@code maxUnavailable} down); the default. */
    SURGE,
    /**
     * A whole new set of nodes first, then the old ones drained and kept for the soak time; needs room for twice the
     * nodes.
     */
    BLUE_GREEN;

    /**
     * Reads a strategy name, ignoring case and surrounding blanks; {@code blue-green} is accepted too.
     * @param text the name, may be {@code null}
     * @return the strategy, or empty if none matches
     */
    public static Optional<UpgradeStrategy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    /** {@return the valid names, comma-separated, for problem messages} */
    public static String validIds() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
