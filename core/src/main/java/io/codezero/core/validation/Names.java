package io.codezero.core.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Naming rules every target accepts: the intersection of EKS, AKS, GKE and DOKS cluster names and
 * Kubernetes DNS labels. Targets with stricter rules add their own checks.
 */
public final class Names {
    private Names() {
    }

    /** The longest cluster name: the shortest limit of the clouds' cluster names, less room for suffixes. */
    public static final int MAX_CLUSTER_NAME = 40;
    /** The longest node pool name, leaving room for the targets' suffixes. */
    public static final int MAX_POOL_NAME = 32;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /**
     * Why {@code name} is not a lowercase DNS label of at most {@code max} characters.
     *
     * @param name the name given
     * @param max the longest allowed
     * @return the reason, or empty when the name is valid
     */
    public static Optional<String> whyNotDnsLabel(String name, int max) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty; expected 1-" + max + " lowercase letters, digits or '-', starting with a letter");
        }
        if (name.length() > max) {
            return Optional.of("is " + name.length() + " characters long; at most " + max + " are allowed");
        }
        if (!DNS_LABEL.matcher(name).matches()) {
            return Optional.of("must be lowercase letters, digits or '-', start with a letter and end with a letter or digit");
        }
        return Optional.empty();
    }

    /**
     * Kubernetes label/taint key: optional DNS-subdomain prefix, '/', and a name of at most 63 characters.
     *
     * @param key the key given
     * @return the reason, or empty when the key is valid
     */
    public static Optional<String> whyNotLabelKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("is empty; expected [prefix/]name, for example codezero.io/role");
        }
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("has an invalid prefix '" + prefix + "'; expected a lowercase DNS subdomain such as example.com");
            }
        }
        if (name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            return Optional.of("must have a name part of 1-63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
        }
        return Optional.empty();
    }

    /**
     * A DNS name such as apps.example.com: lowercase labels of 1-63 characters separated by dots, at most 253 in all.
     *
     * @param name the name given
     * @return the reason, or empty when the name is valid
     */
    public static Optional<String> whyNotDnsName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty; expected a DNS name such as apps.example.com");
        }
        if (name.length() > 253) {
            return Optional.of("is " + name.length() + " characters long; a DNS name has at most 253");
        }
        for (String label : name.split("\\.", -1)) {
            if (label.length() > 63 || !DNS_SUBDOMAIN.matcher(label).matches()) {
                return Optional.of("is not a DNS name: each dot-separated label must be 1-63 lowercase letters, digits or '-', "
                        + "starting and ending alphanumeric (e.g. apps.example.com)");
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code value} is not a Kubernetes label value (at most 63 characters, alphanumeric at both ends, '-', '_', '.' inside).
     *
     * @param value the value given
     * @return the reason, or empty when the value is valid
     */
    public static Optional<String> whyNotLabelValue(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 63 || !LABEL_NAME.matcher(value).matches()) {
            return Optional.of("must be at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
        }
        return Optional.empty();
    }
}
