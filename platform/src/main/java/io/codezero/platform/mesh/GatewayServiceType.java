package io.codezero.platform.mesh;

import java.util.Optional;

/** The Kubernetes Service type of the system gateway. */
public enum GatewayServiceType {
    /** A load balancer of the target (a cloud load balancer, k3s ServiceLB, MetalLB). */
    LOAD_BALANCER("LoadBalancer"),
    /** A port on every node, for clusters that hand out no load-balancer addresses (minikube without a tunnel). */
    NODE_PORT("NodePort");

    private final String kubernetesName;

    GatewayServiceType(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    /** The type as Kubernetes writes it: {@code LoadBalancer} or {@code NodePort}. */
    public String kubernetesName() {
        return kubernetesName;
    }

    /**
     * The type Kubernetes (and config) names so.
     *
     * @param text {@code LoadBalancer} or {@code NodePort}
     * @return the type, or empty for anything else
     */
    public static Optional<GatewayServiceType> parse(String text) {
        for (GatewayServiceType type : values()) {
            if (type.kubernetesName.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
