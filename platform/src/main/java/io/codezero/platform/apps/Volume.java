package io.codezero.platform.apps;

import io.codezero.core.target.StorageTier;

/** A persistent volume an app asks for: sized by the user, classed by the target's storage profile. */
public record Volume(String name, String mountPath, String size, StorageTier tier) {
}
