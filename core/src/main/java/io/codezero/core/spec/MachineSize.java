package io.codezero.core.spec;

import java.util.Optional;

/**
 * Either a cloud-neutral size class ("medium") or an explicit machine type ("m7i.xlarge").
 * The raw class text is kept so validation can name an unknown class instead of guessing.
 */
public record MachineSize(String sizeClass, String machineType) {

    /**
     * A size class.
     *
     * @param sizeClass the class
     * @return the size
     */
    public static MachineSize of(SizeClass sizeClass) {
        return new MachineSize(sizeClass.id(), null);
    }

    /**
     * A size class as config writes it, kept as text so an unknown one is reported by name.
     *
     * @param sizeClass e.g. {@code medium}
     * @return the size
     */
    public static MachineSize sizeClass(String sizeClass) {
        return new MachineSize(sizeClass, null);
    }

    /**
     * A target's own machine type.
     *
     * @param machineType e.g. {@code m7i.xlarge}
     * @return the size
     */
    public static MachineSize machineType(String machineType) {
        return new MachineSize(null, machineType);
    }

    /**
     * The size class, if this is one and a known one.
     *
     * @return the class, or empty
     */
    public Optional<SizeClass> knownClass() {
        return SizeClass.parse(sizeClass);
    }

    /**
     * The target's own machine type, if this is one.
     *
     * @return the machine type, or empty
     */
    public Optional<String> explicitMachineType() {
        return Optional.ofNullable(machineType);
    }

    @Override
    public String toString() {
        return machineType != null ? machineType : sizeClass;
    }
}
