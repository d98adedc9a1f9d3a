package io.codezero.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Cloud-neutral machine sizes; each target maps a class to its own machine type. */
public enum SizeClass {
    /** About 2 vCPUs and 4 GiB. */
    SMALL(2, 4),
    /** About 4 vCPUs and 16 GiB; the default. */
    MEDIUM(4, 16),
    /** About 8 vCPUs and 32 GiB. */
    LARGE(8, 32),
    /** About 8 vCPUs and 32 GiB with a GPU, where the target offers one. */
    GPU(8, 32);

    private final int vcpus;
    private final int memoryGiB;

    SizeClass(int vcpus, int memoryGiB) {
        this.vcpus = vcpus;
        this.memoryGiB = memoryGiB;
    }

    /**
     * The vCPUs a machine of this class has, about.
     *
     * @return the vCPUs
     */
    public int vcpus() {
        return vcpus;
    }

    /**
     * The memory a machine of this class has, about.
     *
     * @return the memory in GiB
     */
    public int memoryGiB() {
        return memoryGiB;
    }

    /**
     * The class as config writes it.
     *
     * @return the lower-case name, e.g. {@code medium}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The class config names, in any case.
     *
     * @param text e.g. {@code medium}
     * @return the class, or empty for an unknown one
     */
    public static Optional<SizeClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.id().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * The classes as config writes them, for messages.
     *
     * @return e.g. {@code small, medium, large, gpu}
     */
    public static String validIds() {
        return String.join(", ", Arrays.stream(values()).map(SizeClass::id).toList());
    }
}
