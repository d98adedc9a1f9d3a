package io.codezero.core.target;

import java.util.Objects;

/**
 * Which storage classes mean "standard" (durable, general purpose) and "fast" (low-latency) on a
 * target, so platform layers ask for a kind of storage, never for a cloud's class name.
 */
public record StorageProfile(String standardClass, String fastClass) {
    public StorageProfile {
        Objects.requireNonNull(standardClass, "standardClass");
        fastClass = Objects.requireNonNullElse(fastClass, standardClass);
    }

    public static StorageProfile single(String storageClass) {
        return new StorageProfile(storageClass, storageClass);
    }

    public String classFor(StorageTier tier) {
        return tier == StorageTier.FAST ? fastClass : standardClass;
    }
}
