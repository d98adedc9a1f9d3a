package io.codezero.baremetal.install;

import java.util.List;

/**
 * What "validate hosts" requires of a machine before k3s goes on it. Defaults follow the k3s
 * requirements (512 MiB for an agent, 2 GiB recommended for a server; we require 1 GiB).
 */
public record HostChecks(int minMemoryMb, boolean allowSwap, int maxClockSkewSeconds, List<Integer> requiredFreePorts) {
    public static final List<String> SUPPORTED_ARCH = List.of("x86_64", "aarch64", "armv7l", "s390x");

    public HostChecks {
        requiredFreePorts = List.copyOf(requiredFreePorts == null ? List.of() : requiredFreePorts);
    }

    public static HostChecks defaults(NodeRole role) {
        return role == NodeRole.SERVER
                ? new HostChecks(1024, true, 30, List.of(6443, 10250, 2379, 2380))
                : new HostChecks(512, true, 30, List.of(10250));
    }
}
