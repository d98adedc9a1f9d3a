package io.codezero.core.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** URLs a platform component calls over the network: https, a real host, and no password written into them. */
public final class Urls {
    private Urls() {
    }

    /**
     * Why {@code text} is not an absolute https URL with a host: a missing host ({@code https://}), a user and password
     * in the URL (they would sit in plain text in config and in the cluster), a port out of range.
     * {@code what} says what the URL is for, e.g. "an ACME directory URL".
     *
     * @param text the URL given
     * @param what what the URL is for, for the message
     * @return the reason, or empty when the URL is fine
     */
    public static Optional<String> whyNotHttps(String text, String what) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required: " + what + ", e.g. https://example.com/...");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL (" + e.getReason() + "); expected " + what + ", e.g. https://example.com/...");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            return Optional.of("must be an https:// URL (" + what + ")" + (scheme.isEmpty() ? "" : ", not " + scheme + "://"));
        }
        return whyNotHost(uri, what);
    }

    /**
     * The host part of an absolute URL of any scheme: present, no userinfo, a port in range.
     *
     * @param uri the parsed URL
     * @param what what the URL is for, for the message
     * @return the reason, or empty when the host is fine
     */
    public static Optional<String> whyNotHost(URI uri, String what) {
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("names no host; expected " + what + " such as https://example.com/...");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("has a user name or password in it; remove them from the URL (credentials are never written into URLs in config)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("has port " + uri.getPort() + "; a port is 1-65535");
        }
        return Optional.empty();
    }
}
