package io.codezero.core.target;

import java.util.Objects;

/**
 * Which storage classes mean "standard" (durable, general purpose) and "fast" (low-latency) on a
 * target, so platform layers ask for a kind of storage, never for a cloud's class name.
 *
 * @param standardClass the class for durable, general-purpose volumes
 * @param fastClass     the class for low-latency volumes (null: the standard one)
 */
public record StorageProfile(String standardClass, String fastClass) {
    /**
     * Checks the standard class; a missing fast class is the standard one.
     *
     * @param standardClass the class for durable, general-purpose volumes
     * @param fastClass     the class for low-latency volumes (null: the standard one)
     */
    public StorageProfile {
        Objects.requireNonNull(standardClass, "standardClass");
        fastClass = Objects.requireNonNullElse(fastClass, standardClass);
    }

    /**
     * One class for both tiers.
     *
     * @param storageClass the storage class's name
     * @return the profile
     */
    public static StorageProfile single(String storageClass) {
        return new StorageProfile(storageClass, storageClass);
    }

    /**
     * The storage class for a tier.
     *
     * @param tier standard or fast
     * @return the class's name
     */
    public String classFor(StorageTier tier) {
        return tier == StorageTier.FAST ? fastClass : standardClass;
    }
}
