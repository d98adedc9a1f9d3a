package io.codezero.platform.apps;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.Resource;
import io.codezero.platform.LayerContext;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.mesh.IstioMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes NetworkPolicies for an app's namespace: a second line under the mesh's AuthorizationPolicies, enforced
 * by the cluster's CNI where the mesh is off or a pod is outside it. Ingress is denied by default; each allow mirrors
 * one AuthorizationPolicy: routes let the gateway's pods in, links let the consumer's namespace reach the offered
 * port, metrics let the metrics namespace scrape. Egress is left open (apps call the internet, DNS, their links).
 *
 * <p>Ports follow the mesh mode. Sidecar: peers connect to the app's own port (the sidecar intercepts it inside the
 * pod), Prometheus scrapes the sidecar's merged metrics on 15020. Ambient: mesh traffic arrives as HBONE on 15008,
 * and the kubelet's probes come from 169.254.7.127, the address the Istio CNI rewrites them to. No mesh: the app's ports.
 */
final class AppNetworkPolicies {
    static final String KUBERNETES_NAME = "kubernetes.io/metadata.name";
    static final int HBONE_PORT = 15008;
    static final String AMBIENT_PROBE_SOURCE = "169.254.7.127/32";

    private final LayerContext context;
    private final Optional<IstioMode> mode;
    private final Map<String, String> labels;

    AppNetworkPolicies(LayerContext context, Optional<IstioMode> mode, Map<String, String> labels) {
        this.context = context;
        this.mode = mode;
        this.labels = labels;
    }

    /** Nothing reaches any pod of the namespace unless another policy allows it. */
    NetworkPolicy defaultDeny(String app, String namespace, Resource... after) {
        NetworkPolicySpecArgs.Builder spec = NetworkPolicySpecArgs.builder()
                .podSelector(LabelSelectorArgs.builder().build())
                .policyTypes("Ingress");
        if (mode.equals(Optional.of(IstioMode.AMBIENT))) {
            spec.ingress(NetworkPolicyIngressRuleArgs.builder()
                    .from(NetworkPolicyPeerArgs.builder().ipBlock(IPBlockArgs.builder().cidr(AMBIENT_PROBE_SOURCE).build()).build())
                    .build());
        }
        return new NetworkPolicy(context.name(app + "-network-default-deny"), NetworkPolicyArgs.builder()
                .metadata(Meta.of("default-deny-ingress", namespace, labels))
                .spec(spec.build())
                .build(), context.options(after));
    }

    /**
     * Lets pods of {@code fromNamespace} (those matching {@code fromPods}, or all) reach {@code ports} of the pods
     * matching {@code toPods} (or all) in {@code namespace}.
     */
    NetworkPolicy allow(String resourceName, String policyName, String namespace, Map<String, String> toPods, String fromNamespace,
                        Map<String, String> fromPods, List<Integer> ports, Resource... after) {
        return allow(resourceName, policyName, namespace, toPods, Map.of(KUBERNETES_NAME, fromNamespace), fromPods, ports, after);
    }

    /** The same, with the source namespaces chosen by their labels. */
    NetworkPolicy allow(String resourceName, String policyName, String namespace, Map<String, String> toPods,
                        Map<String, String> fromNamespaceLabels, Map<String, String> fromPods, List<Integer> ports, Resource... after) {
        NetworkPolicyPeerArgs.Builder peer = NetworkPolicyPeerArgs.builder()
                .namespaceSelector(LabelSelectorArgs.builder().matchLabels(fromNamespaceLabels).build());
        if (!fromPods.isEmpty()) {
            peer.podSelector(LabelSelectorArgs.builder().matchLabels(fromPods).build());
        }
        List<NetworkPolicyPortArgs> portArgs = new ArrayList<>();
        for (int port : meshPorts(ports)) {
            portArgs.add(NetworkPolicyPortArgs.builder().protocol("TCP").port(port).build());
        }
        return new NetworkPolicy(context.name(resourceName), NetworkPolicyArgs.builder()
                .metadata(Meta.of(policyName, namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(toPods).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder().from(peer.build()).ports(portArgs).build())
                        .build())
                .build(), context.options(after));
    }

    /** The ports as they arrive at the pod: in ambient mode mesh traffic comes as HBONE. */
    private List<Integer> meshPorts(List<Integer> ports) {
        Set<Integer> out = new LinkedHashSet<>(ports);
        if (mode.equals(Optional.of(IstioMode.AMBIENT))) {
            out.add(HBONE_PORT);
        }
        return List.copyOf(out);
    }
}
