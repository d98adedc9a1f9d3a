package io.codezero.core.spec;

import java.util.Optional;

/**
 * Either a cloud-neutral size class ("medium") or an explicit machine type ("m7i.xlarge").
 * The raw class text is kept so validation can name an unknown class instead of guessing.
 */
public record MachineSize(String sizeClass, String machineType) {

    public static MachineSize of(SizeClass sizeClass) {
        return new MachineSize(sizeClass.id(), null);
    }

    public static MachineSize sizeClass(String sizeClass) {
        return new MachineSize(sizeClass, null);
    }

    public static MachineSize machineType(String machineType) {
        return new MachineSize(null, machineType);
    }

    public Optional<SizeClass> knownClass() {
        return SizeClass.parse(sizeClass);
    }

    public Optional<String> explicitMachineType() {
        return Optional.ofNullable(machineType);
    }

    @Override
    public String toString() {
        return machineType != null ? machineType : sizeClass;
    }
}
