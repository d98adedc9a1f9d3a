package io.codezero.pkg.shape;

/** {@code digitalocean.dropletSizes}: one key per {@code SizeClass}. */
@Doc("The Droplet slug of each node pool size class.")
public final class DigitalOceanDropletSizesShape {
    @Doc("Droplet slug for `size: small` pools.")
    String small;

    @Doc("Droplet slug for `size: medium` pools (default `g-4vcpu-16gb`).")
    String medium;

    @Doc("Droplet slug for `size: large` pools (default `g-8vcpu-32gb`).")
    String large;

    @Doc("Droplet slug for `size: gpu` pools; a `gpu-` slug.")
    String gpu;

    /** Not constructed: a shape is read by reflection only. */
    private DigitalOceanDropletSizesShape() {
    }
}
