package io.codezero.local;

import io.codezero.core.target.StorageProfile;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The local distributions we recognise from a context name, and the storage class each ships:
 * a wrong guess would leave every persistent volume claim pending, so users can always override it.
 */
public enum LocalFlavour {
    MINIKUBE("minikube", "standard", false),
    KIND("kind", "standard", false),
    K3D("k3d", "local-path", true),
    K3S("k3s", "local-path", true),
    RANCHER_DESKTOP("rancher-desktop", "local-path", true),
    DOCKER_DESKTOP("docker-desktop", "hostpath", true),
    GENERIC("", "standard", false);

    private final String contextPrefix;
    private final String storageClass;
    private final boolean assignsLoadBalancerAddresses;

    LocalFlavour(String contextPrefix, String storageClass, boolean assignsLoadBalancerAddresses) {
        this.contextPrefix = contextPrefix;
        this.storageClass = storageClass;
        this.assignsLoadBalancerAddresses = assignsLoadBalancerAddresses;
    }

    /** k3s ServiceLB and Docker Desktop's vpnkit give LoadBalancer services an address; the others need a tunnel. */
    public boolean assignsLoadBalancerAddresses() {
        return assignsLoadBalancerAddresses;
    }

    public StorageProfile storageProfile() {
        return StorageProfile.single(storageClass);
    }

    public static LocalFlavour detect(String contextName) {
        String name = contextName == null ? "" : contextName.toLowerCase(Locale.ROOT);
        Optional<LocalFlavour> match = Arrays.stream(values())
                .filter(f -> f != GENERIC && name.startsWith(f.contextPrefix))
                .findFirst();
        return match.orElse(GENERIC);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
