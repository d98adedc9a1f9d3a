package io.codezero.baremetal.harness;

import java.nio.file.Path;

/**
 * One harness machine: its own network namespace, address, hostname, host key and filesystem
 * (an overlay over the shared rootfs), running a real sshd.
 *
 * @param rootVeth the veth end in the root namespace: {@code ip link set <rootVeth> down} cuts the link
 */
public record TestHost(String name, String netns, String address, String rootVeth, String hostKey, Path dir, Process process) {

    /** The host's filesystem as seen from outside (the overlay's upper layer holds what changed). */
    public Path changes() {
        return dir.resolve("upper");
    }
}
