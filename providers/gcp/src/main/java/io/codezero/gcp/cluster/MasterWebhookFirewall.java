package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.FirewallArgs;
import com.pulumi.gcp.compute.inputs.FirewallAllowArgs;
import io.codezero.gcp.GcpScope;
import io.codezero.gcp.network.ClusterNetwork;
import java.util.List;

/**
 * Lets a private cluster's control plane call the admission webhooks the platform installs on the nodes.
 * GKE's automatic firewall rule from the control plane's range ({@code masterCidr}) opens only 443 and 10250
 * on private nodes; istiod's injection and validation webhooks listen on 15017, so without this rule every
 * injected pod and every Istio resource is refused after the webhook's timeout (Istio's GKE setup guide;
 * terraform-google-kubernetes-engine's {@code add_master_webhook_firewall_rules} opens 8443, 9443 and 15017).
 *
 * <p>The rule targets the nodes' own service account, so it reaches exactly this cluster's nodes and needs no
 * network tags on the pools (tags on a live pool would replace it). It is made only in a network the target
 * created: an adopted network's firewall (a Shared VPC's is the host project's) stays its owner's, and
 * docs/gcp.md names the rule they must add.
 */
public final class MasterWebhookFirewall {
    /**
     * The webhook ports (on the pods) of every chart the platform installs, beyond GKE's automatic 443 and 10250:
     * istiod 15017 (its Service's targetPort for 443). cert-manager's webhook (securePort) and the Prometheus
     * operator's admission webhook (tls.internalPort) listen on 10250 precisely because GKE opens it.
     * 8443 and 9443 are the ports controllers built on controller-runtime default to (the ones Google's own
     * module opens), so webhooks a user adds on those defaults work too. {@code MasterWebhookFirewallTest}
     * reads the charts to hold the first sentence.
     */
    public static final List<Integer> PORTS = List.of(8443, 9443, 15017);
    /** What GKE's automatic rule for private clusters already opens from the control plane. */
    public static final List<Integer> GKE_OPENS = List.of(443, 10250);

    private MasterWebhookFirewall() {
    }

    static Firewall create(GcpScope scope, ClusterNetwork network, String masterCidr, Output<String> nodeServiceAccount) {
        return new Firewall(scope.name("master-webhooks"), FirewallArgs.builder()
                .name(scope.clusterName() + "-master-webhooks")
                .network(network.network())
                .direction("INGRESS")
                .description("GKE control plane of " + scope.clusterName() + " to admission webhooks on its nodes (managed by CodeZero)")
                .sourceRanges(masterCidr)
                .targetServiceAccounts(nodeServiceAccount.applyValue(List::of))
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports(PORTS.stream().map(String::valueOf).toList()).build())
                .build(), scope.opts());
    }
}
