package io.codezero.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.serviceaccount.Account;
import io.codezero.core.target.ClusterHandles;
import java.util.List;
import java.util.Objects;

/**
 * What a GKE cluster made by {@link GcpTarget} hands back for a program's own resources: the typed
 * {@code gcp.container.Cluster}, its node pools, the nodes' service account, the Workload Identity pool
 * to bind Kubernetes service accounts to Google service accounts, and the network the nodes live in.
 * Read them with {@code stack.handles(GkeClusterHandles.class)} (docs/gcp.md, "Typed handles").
 *
 * @param cluster            the GKE cluster resource
 * @param nodePools          one {@code gcp.container.NodePool} per pool of the spec, in the spec's order
 * @param nodeServiceAccount the service account every node runs as (never the Compute Engine default account)
 * @param workloadIdentityPool {@code <project>.svc.id.goog}: the member of a binding is
 *                           {@code serviceAccount:<pool>[<namespace>/<kubernetes service account>]}
 * @param networkId          the VPC's id (created) or the adopted network as configured
 * @param subnetworkId       the node subnet's id (created) or the adopted subnet as configured
 */
public record GkeClusterHandles(Cluster cluster, List<NodePool> nodePools, Account nodeServiceAccount,
                                Output<String> workloadIdentityPool, Output<String> networkId, Output<String> subnetworkId)
        implements ClusterHandles {

    /**
     * Copies the pool list; every handle is required.
     * @param cluster the {@code gcp.container.Cluster}
     * @param nodePools the node pools
     * @param nodeServiceAccount the nodes' service account
     * @param workloadIdentityPool the Workload Identity pool
     * @param networkId the VPC's id
     * @param subnetworkId the node subnet's id
     */
    public GkeClusterHandles {
        Objects.requireNonNull(cluster, "cluster");
        nodePools = List.copyOf(nodePools);
        Objects.requireNonNull(nodeServiceAccount, "nodeServiceAccount");
        Objects.requireNonNull(workloadIdentityPool, "workloadIdentityPool");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(subnetworkId, "subnetworkId");
    }

    /** The cluster's name in GKE. */
    @Override
    public Output<String> clusterName() {
        return cluster.name();
    }

    /** The control plane's endpoint as a URL ({@code https://<address>}); GKE reports only the address. */
    @Override
    public Output<String> endpoint() {
        return cluster.endpoint().applyValue(address -> address == null || address.isEmpty() || address.startsWith("https://")
                ? address : "https://" + address);
    }

    /**
     * The IAM member naming one Kubernetes service account under Workload Identity, for a
     * {@code roles/iam.workloadIdentityUser} binding on a Google service account.
     * @param namespace the Kubernetes namespace
     * @param kubernetesServiceAccount the service account's name in it
     * @return the member, e.g. {@code serviceAccount:my-project.svc.id.goog[apps/api]}
     */
    public Output<String> workloadIdentityMember(String namespace, String kubernetesServiceAccount) {
        return workloadIdentityPool.applyValue(pool -> "serviceAccount:" + pool + "[" + namespace + "/" + kubernetesServiceAccount + "]");
    }
}
