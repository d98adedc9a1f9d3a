package io.codezero.platform.mesh;

import java.util.Locale;
import java.util.Optional;

/** Who may reach a route through the system gateway. */
public enum Visibility {
    /** Anyone who can reach the gateway. */
    PUBLIC,
    /** Only requests that carry a valid token of the platform's identity provider; denied at the gateway otherwise. */
    PRIVATE;

    /** The visibility config names so (public, private; any case), or empty. */
    public static Optional<Visibility> parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "public" -> Optional.of(PUBLIC);
            case "private" -> Optional.of(PRIVATE);
            default -> Optional.empty();
        };
    }
}
