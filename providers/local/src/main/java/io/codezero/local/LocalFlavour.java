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
    /**
     * Minikube: context {@code minikube*}, storage class {@code standard}, needs {@code minikube tunnel} for LoadBalancer addresses.
     */
    MINIKUBE("minikube", "standard", false),
    /** kind: context {@code kind*}, storage class {@code standard}, no LoadBalancer addresses without an add-on. */
    KIND("kind", "standard", false),
    /** k3d: context {@code k3d*}, storage class {@code local-path}, k3s ServiceLB assigns addresses. */
    K3D("k3d", "local-path", true),
    /** k3s: context {@code k3s*}, storage class {@code local-path}, ServiceLB assigns addresses. */
    K3S("k3s", "local-path", true),
    /**
     * Rancher Desktop (k3s inside): context {@code rancher-desktop*}, storage class {@code local-path}, addresses assigned.
     */
    RANCHER_DESKTOP("rancher-desktop", "local-path", true),
    /** Docker Desktop: context {@code docker-desktop*}, storage class {@code hostpath}, vpnkit assigns addresses. */
    DOCKER_DESKTOP("docker-desktop", "hostpath", true),
    /**
     * Any other context: storage class {@code standard}, no LoadBalancer addresses assumed; override both if that is wrong.
     */
    GENERIC("", "standard", false);

    private final String contextPrefix;
    private final String storageClass;
    private final boolean assignsLoadBalancerAddresses;

    LocalFlavour(String contextPrefix, String storageClass, boolean assignsLoadBalancerAddresses) {
        this.contextPrefix = contextPrefix;
        this.storageClass = storageClass;
        this.assignsLoadBalancerAddresses = assignsLoadBalancerAddresses;
    }

    /**
     * k3s ServiceLB and Docker Desktop's vpnkit give LoadBalancer services an address; the others need a tunnel.
     * @return true if this distribution gives LoadBalancer services an address without a tunnel
     */
    public boolean assignsLoadBalancerAddresses() {
        return assignsLoadBalancerAddresses;
    }

    /**
     * The storage class this distribution ships, used for both storage tiers.
     * @return a single-class storage profile
     */
    public StorageProfile storageProfile() {
        return StorageProfile.single(storageClass);
    }

    /**
     * Recognises the distribution from the context name's prefix (case-insensitive).
     * @param contextName the kubeconfig context, may be {@code null}
     * @return the matching flavour, or {@link #GENERIC} when none matches
     */
    public static LocalFlavour detect(String contextName) {
        String name = contextName == null ? "" : contextName.toLowerCase(Locale.ROOT);
        Optional<LocalFlavour> match = Arrays.stream(values())
                .filter(f -> f != GENERIC && name.startsWith(f.contextPrefix))
                .findFirst();
        return match.orElse(GENERIC);
    }

    /**
     * The distribution's name as problems and outputs show it, e.g. {@code docker-desktop}.
     * @return the lower-case, dash-separated name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
