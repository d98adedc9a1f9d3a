package io.codezero.core.validation;

import java.util.Optional;

/** An IPv4 network in CIDR notation, parsed strictly (no host bits, no shorthand). */
public record Cidr(long network, int prefixLength) {

    /**
     * The network {@code text} names, strictly parsed.
     *
     * @param text e.g. 10.0.0.0/16
     * @return the network, or empty when {@link #whyInvalid} has a reason
     */
    public static Optional<Cidr> parse(String text) {
        return Optional.ofNullable(parseOrNull(text));
    }

    /**
     * Why {@code text} is not a valid network, or empty if it is. A typo is named as a typo (a letter or a space in
     * the prefix length, a missing '/', a part of the address out of range) rather than as the rule it happens to break.
     *
     * @param text the text as the user wrote it
     * @return the reason, to follow the value in a problem, or empty
     */
    public static Optional<String> whyInvalid(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is empty; expected an IPv4 network such as 10.0.0.0/16");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            java.util.regex.Matcher separator = MISSING_SLASH.matcher(text.trim());
            if (separator.matches() && parseAddress(separator.group(1)) != null) {
                return Optional.of("has '" + separator.group(2).trim() + "' where the '/' before the prefix length belongs; did you mean "
                        + separator.group(1) + "/" + separator.group(3) + "?");
            }
            return Optional.of("has no prefix length; expected a.b.c.d/n, for example " + text.trim() + "/24");
        }
        String addressText = text.substring(0, slash);
        String prefixText = text.substring(slash + 1);
        Long address = parseAddress(addressText);
        if (address == null) {
            return Optional.of("has \"" + addressText.trim() + "\" before the '/', which is not an IPv4 address: " + whyNotAddress(addressText.trim())
                    + "; expected for example 10.0.0.0/16");
        }
        if (!prefixText.equals(prefixText.strip()) || !addressText.equals(addressText.strip())) {
            return Optional.of("has a space in it; write it without spaces: " + addressText.strip() + "/" + prefixText.strip());
        }
        if (!prefixText.matches("\\d+")) {
            return Optional.of("has \"" + prefixText + "\" after the '/', which is not a prefix length; expected a number 0..32, for example "
                    + addressText + "/16");
        }
        Integer prefix = parsePrefix(prefixText);
        if (prefix == null) {
            return Optional.of("has the prefix length /" + prefixText + ", outside 0..32");
        }
        long mask = mask(prefix);
        if ((address & ~mask & 0xFFFFFFFFL) != 0) {
            return Optional.of("has host bits set; did you mean " + format(address & mask) + "/" + prefix + "?");
        }
        return Optional.empty();
    }

    /** An address and a prefix length with a backslash, colon, space or similar between them instead of '/'. */
    private static final java.util.regex.Pattern MISSING_SLASH = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)(\\s*[\\\\:|;,\\s]\\s*)(\\d{1,2})");

    private static String whyNotAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return "it has " + parts.length + " part" + (parts.length == 1 ? "" : "s") + " where an address has four numbers separated by dots";
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}")) {
                return "\"" + part + "\" is not a number 0-255";
            }
            if (Integer.parseInt(part) > 255) {
                return part + " is above 255";
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part + " has a leading zero";
            }
        }
        return "four numbers 0-255 separated by dots";
    }

    private static Cidr parseOrNull(String text) {
        if (whyInvalid(text).isPresent()) {
            return null;
        }
        int slash = text.indexOf('/');
        return new Cidr(parseAddress(text.substring(0, slash)), parsePrefix(text.substring(slash + 1)));
    }

    /**
     * How many addresses the network holds.
     *
     * @return 2 to the power of the host bits
     */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /**
     * The network's last address, as a number.
     *
     * @return the last address
     */
    public long lastAddress() {
        return network + size() - 1;
    }

    /**
     * Whether the two networks share an address.
     *
     * @param other the other network
     * @return true when they overlap
     */
    public boolean overlaps(Cidr other) {
        return network <= other.lastAddress() && other.network <= lastAddress();
    }

    /**
     * The i-th sub-network of the given prefix length, e.g. subnet(20, 2) of 10.0.0.0/16 is 10.0.32.0/20.
     *
     * @param newPrefix the subnets' prefix length, at least this one's
     * @param index which subnet, from 0
     * @return the subnet
     */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefixLength || newPrefix > 32) {
            throw new IllegalArgumentException("cannot split /" + prefixLength + " into /" + newPrefix);
        }
        long count = 1L << (newPrefix - prefixLength);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " has only " + count + " /" + newPrefix + " subnets");
        }
        return new Cidr(network + index * (1L << (32 - newPrefix)), newPrefix);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static Integer parsePrefix(String text) {
        if (!text.matches("\\d{1,2}")) {
            return null;
        }
        int prefix = Integer.parseInt(text);
        return prefix <= 32 ? prefix : null;
    }

    private static Long parseAddress(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long address = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || (part.length() > 1 && part.startsWith("0"))) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            address = (address << 8) | octet;
        }
        return address;
    }
}
