package io.codezero.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Cloud-neutral machine sizes; each target maps a class to its own machine type. */
public enum SizeClass {
    SMALL(2, 4),
    MEDIUM(4, 16),
    LARGE(8, 32),
    GPU(8, 32);

    private final int vcpus;
    private final int memoryGiB;

    SizeClass(int vcpus, int memoryGiB) {
        this.vcpus = vcpus;
        this.memoryGiB = memoryGiB;
    }

    public int vcpus() {
        return vcpus;
    }

    public int memoryGiB() {
        return memoryGiB;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SizeClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.id().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String validIds() {
        return String.join(", ", Arrays.stream(values()).map(SizeClass::id).toList());
    }
}
