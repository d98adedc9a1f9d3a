package io.codezero.baremetal;

import io.codezero.core.validation.Cidr;
import java.util.Optional;

/**
 * Address checks for what users write in {@code codezero:baremetal}: machine addresses (an IPv4 or
 * IPv6 address or a DNS name), MetalLB pool entries (a CIDR or a range {@code first-last}). Purely
 * textual: nothing is resolved, no network is touched.
 */
final class Addresses {
    private static final String LABEL = "[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?";

    private Addresses() {
    }

    /** Why {@code text} is not an IP address or host name, or empty when it is one. */
    static Optional<String> whyNotAHost(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is empty: give the machine's IP address or DNS name");
        }
        if (!text.equals(text.strip())) {
            return Optional.of("has spaces around it");
        }
        Long ip = ipv4(text);
        if (ip != null) {
            if (ip >>> 24 == 0 || ip >= 0xE0000000L) {
                return Optional.of("is " + (ip >>> 24 == 0 ? "in 0.0.0.0/8 (\"this network\")" : ip == 0xFFFFFFFFL ? "the broadcast address"
                        : "a multicast or reserved address") + ", never a machine's address; give the address the machine answers SSH on");
            }
            return Optional.empty();
        }
        if (isIpv6(text)) {
            return Optional.empty();
        }
        if (text.matches("[0-9.]+")) {
            return Optional.of("is not an IPv4 address (four numbers 0-255 separated by dots, e.g. 192.168.1.10)");
        }
        if (text.contains(":")) {
            return Optional.of("is not an IPv6 address (e.g. fd00::10); give a port in the port setting, not after the address");
        }
        if (text.length() > 253 || !text.matches(LABEL + "(\\." + LABEL + ")*\\.?")) {
            return Optional.of("is not an IP address or a DNS name (letters, digits, '-' and '.', e.g. node-1.lab.example)");
        }
        return Optional.empty();
    }

    /** The IPv4 address as a number, or null when {@code text} is not one. */
    static Long ipv4(String text) {
        if (text == null || text.contains("/")) {
            return null;
        }
        return Cidr.parse(text.strip() + "/32").map(Cidr::network).orElse(null);
    }

    static boolean isIpv6(String text) {
        if (text == null || !text.contains(":") || !text.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String body = text;
        int groups = 0;
        int lastColon = text.lastIndexOf(':');
        if (text.substring(lastColon + 1).contains(".")) {
            // an embedded IPv4 address (::ffff:192.0.2.1) stands for the last two groups
            if (lastColon == 0 || ipv4(text.substring(lastColon + 1)) == null) {
                return false;
            }
            groups = 2;
            body = text.charAt(lastColon - 1) == ':' ? text.substring(0, lastColon + 1) : text.substring(0, lastColon);
        }
        if ((body.startsWith(":") && !body.startsWith("::")) || (body.endsWith(":") && !body.endsWith("::"))) {
            return false;
        }
        for (String part : body.split(":", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("[0-9a-fA-F]{1,4}")) {
                return false;
            }
            groups++;
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }

    /** An IPv4 range [first, last] of a pool entry, or null for IPv6 entries (checked for form only). */
    record Range(long first, long last) {
        boolean contains(long address) {
            return first <= address && address <= last;
        }

        boolean overlaps(Range other) {
            return first <= other.last && other.first <= last;
        }
    }

    /** Why a MetalLB pool entry is not a CIDR or a range, or empty. */
    static Optional<String> whyNotAPoolEntry(String entry) {
        if (entry == null || entry.isBlank()) {
            return Optional.of("is empty: give a CIDR (192.168.1.240/28) or a range (192.168.1.240-192.168.1.250)");
        }
        String e = entry.strip();
        if (e.contains("-")) {
            String[] ends = e.split("-", -1);
            if (ends.length != 2) {
                return Optional.of("is not a range first-last");
            }
            Long a = ipv4(ends[0].strip());
            Long b = ipv4(ends[1].strip());
            if (a != null && b != null) {
                return a <= b ? Optional.empty() : Optional.of("starts after it ends");
            }
            return isIpv6(ends[0].strip()) && isIpv6(ends[1].strip()) ? Optional.empty()
                    : Optional.of("is not a range of two addresses of one family, e.g. 192.168.1.240-192.168.1.250");
        }
        if (e.contains("/")) {
            if (e.contains(":")) {
                String[] parts = e.split("/", -1);
                return parts.length == 2 && isIpv6(parts[0]) && parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= 128
                        ? Optional.empty() : Optional.of("is not an IPv6 network such as fd00:1::/120");
            }
            return Cidr.whyInvalid(e);
        }
        return Optional.of("is not a CIDR (192.168.1.240/28) or a range (192.168.1.240-192.168.1.250); a single address is 192.168.1.240/32");
    }

    /** The IPv4 addresses a valid pool entry covers, or null for IPv6 entries. */
    static Range range(String entry) {
        String e = entry.strip();
        if (e.contains("-")) {
            String[] ends = e.split("-", -1);
            Long a = ipv4(ends[0].strip());
            Long b = ipv4(ends[1].strip());
            return a == null || b == null ? null : new Range(a, b);
        }
        return Cidr.parse(e).map(c -> new Range(c.network(), c.lastAddress())).orElse(null);
    }
}
