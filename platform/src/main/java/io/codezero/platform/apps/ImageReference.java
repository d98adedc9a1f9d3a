package io.codezero.platform.apps;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Container image references as the kubelet and registries accept them
 * ({@code [registry[:port]/]path[:tag][@sha256:digest]}), pinned: a tag other than {@code latest}, or a digest.
 */
final class ImageReference {
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\\d{1,5})?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

    private ImageReference() {
    }

    static Optional<String> whyInvalid(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.of("is required, e.g. docker.io/library/nginx:1.29.3");
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.of("has an invalid digest; expected @sha256: followed by 64 lowercase hex digits");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return Optional.of("has an invalid tag '" + tag + "'; a tag is 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
            }
        }
        String[] parts = rest.split("/", -1);
        int first = 0;
        if (parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost"))) {
            if (!REGISTRY.matcher(parts[0]).matches()) {
                return Optional.of("has an invalid registry host '" + parts[0] + "'");
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!PATH_COMPONENT.matcher(parts[i]).matches()) {
                return Optional.of("is not an image reference: '" + parts[i] + "' must be lowercase letters and digits, "
                        + "separated by '.', '_', '__' or '-' (e.g. docker.io/library/nginx:1.29.3)");
            }
        }
        if (digest == null && (tag == null || tag.equals("latest"))) {
            return Optional.of("must be pinned to a tag other than latest, or a digest, so every run deploys the same image");
        }
        return Optional.empty();
    }
}
