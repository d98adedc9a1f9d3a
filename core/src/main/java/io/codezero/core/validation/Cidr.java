package io.codezero.core.validation;

import java.util.Optional;

/** An IPv4 network in CIDR notation, parsed strictly (no host bits, no shorthand). */
public record Cidr(long network, int prefixLength) {

    public static Optional<Cidr> parse(String text) {
        return Optional.ofNullable(parseOrNull(text));
    }

    /** Why {@code text} is not a valid network, or empty if it is. */
    public static Optional<String> whyInvalid(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is empty; expected an IPv4 network such as 10.0.0.0/16");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.of("has no prefix length; expected a.b.c.d/n, for example " + text.trim() + "/24");
        }
        Long address = parseAddress(text.substring(0, slash));
        if (address == null) {
            return Optional.of("is not an IPv4 address followed by /n; expected for example 10.0.0.0/16");
        }
        Integer prefix = parsePrefix(text.substring(slash + 1));
        if (prefix == null) {
            return Optional.of("has a prefix length outside 0..32");
        }
        long mask = mask(prefix);
        if ((address & ~mask & 0xFFFFFFFFL) != 0) {
            return Optional.of("has host bits set; did you mean " + format(address & mask) + "/" + prefix + "?");
        }
        return Optional.empty();
    }

    private static Cidr parseOrNull(String text) {
        if (whyInvalid(text).isPresent()) {
            return null;
        }
        int slash = text.indexOf('/');
        return new Cidr(parseAddress(text.substring(0, slash)), parsePrefix(text.substring(slash + 1)));
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public long lastAddress() {
        return network + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return network <= other.lastAddress() && other.network <= lastAddress();
    }

    /** The i-th sub-network of the given prefix length, e.g. subnet(20, 2) of 10.0.0.0/16 is 10.0.32.0/20. */
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
