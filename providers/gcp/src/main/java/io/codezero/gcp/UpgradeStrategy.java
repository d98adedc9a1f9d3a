package io.codezero.gcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How GKE replaces a pool's nodes during an upgrade: a few at a time (surge) or a whole new set first (blue-green). */
public enum UpgradeStrategy {
    SURGE,
    BLUE_GREEN;

    public static Optional<UpgradeStrategy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
