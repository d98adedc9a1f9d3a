package io.codezero.digitalocean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DigitalOcean tags are flat names, not key/value pairs: {@code team: platform} becomes the tag
 * {@code team:platform}. Names may hold letters, digits, ':', '-' and '_' and at most 255
 * characters (the API specification's tag model). DOKS itself tags clusters and pools {@code k8s},
 * {@code k8s:<cluster id>} and {@code k8s-worker}, so those names are left to it.
 */
public final class DoTags {
    /** The longest tag name DigitalOcean accepts, in characters. */
    public static final int MAX_LENGTH = 255;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_:-]+");
    private static final Pattern PART = Pattern.compile("[a-zA-Z0-9_:-]*");

    private DoTags() {
    }

    /**
     * The spec's tags as DigitalOcean tag names, plus the ones CodeZero adds.
     * @param tags the spec's tags, key to value (an empty value gives just the key)
     * @param clusterName the spec's cluster name
     * @return {@code codezero}, {@code codezero-cluster:<clusterName>} and one {@code key:value} name per tag
     */
    public static List<String> of(Map<String, String> tags, String clusterName) {
        List<String> out = new ArrayList<>();
        out.add("codezero");
        out.add("codezero-cluster:" + clusterName);
        tags.forEach((key, value) -> out.add(name(key, value)));
        return out;
    }

    static String name(String key, String value) {
        return value == null || value.isEmpty() ? key : key + ":" + value;
    }

    /**
     * Why a key (and its value) cannot become a DigitalOcean tag, or empty.
     * @param key the tag's key
     * @param value its value, may be {@code null} or empty
     * @return why DigitalOcean would refuse the tag (a sentence ending in the fix), or empty if it is valid
     */
    public static Optional<String> whyInvalid(String key, String value) {
        if (key == null || key.isEmpty() || !PART.matcher(key).matches()) {
            return Optional.of("DigitalOcean tag names may contain only letters, digits, ':', '-' and '_'; rename the key");
        }
        if (value != null && !PART.matcher(value).matches()) {
            return Optional.of("DigitalOcean tag names may contain only letters, digits, ':', '-' and '_' (the tag is key:value); change the value");
        }
        String name = name(key, value);
        if (!NAME.matcher(name).matches() || name.length() > MAX_LENGTH) {
            return Optional.of("becomes the tag '" + abbreviate(name) + "', longer than DigitalOcean's " + MAX_LENGTH + " characters; shorten it");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.equals("k8s") || lower.startsWith("k8s:") || lower.equals("k8s-worker") || lower.startsWith("codezero")) {
            return Optional.of("is reserved: DOKS tags its resources k8s, k8s:<id> and k8s-worker, and CodeZero adds codezero tags; choose another key");
        }
        return Optional.empty();
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
