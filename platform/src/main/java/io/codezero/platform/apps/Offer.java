package io.codezero.platform.apps;

import java.util.Map;

/**
 * An interface an app offers to others, e.g. "postgres" on port 5432. {@code details} are the
 * connection details a consumer receives, as templates: {@code {host}}, {@code {port}} and
 * {@code {secret:KEY}} (a generated secret of the offering app) are filled in.
 */
public record Offer(String name, int port, Map<String, String> details) {
    /** Copies the details. */
    public Offer {
        details = Map.copyOf(details);
    }
}
