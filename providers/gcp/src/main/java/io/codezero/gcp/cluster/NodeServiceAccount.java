package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.Resource;
import io.codezero.gcp.GcpScope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of the cluster's nodes: a dedicated service account with only what a node needs,
 * never the Compute Engine default account (Editor on the project in many projects). Workloads get
 * their own identities through Workload Identity, not the node's.
 */
final class NodeServiceAccount {
    /**
     * Google's documented minimum for a GKE node service account ("Configure GKE node service
     * accounts"): {@code roles/container.defaultNodeServiceAccount} bundles what logging,
     * monitoring and metadata agents need (the older list of logging.logWriter,
     * monitoring.metricWriter, monitoring.viewer, stackdriver.resourceMetadata.writer,
     * autoscaling.metricsWriter). Plus reading Artifact Registry, so nodes can pull the project's images.
     */
    static final List<String> ROLES = List.of("roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader");
    /** Service account ids: 6-30 characters. */
    static final int MAX_ACCOUNT_ID = 30;

    private final Account account;
    private final List<Resource> grants;

    private NodeServiceAccount(Account account, List<Resource> grants) {
        this.account = account;
        this.grants = List.copyOf(grants);
    }

    static NodeServiceAccount create(GcpScope scope) {
        var account = new Account(scope.name("nodes-sa"), AccountArgs.builder()
                .accountId(accountId(scope.clusterName()))
                .displayName("GKE nodes of " + scope.clusterName())
                .description("Node identity of GKE cluster " + scope.clusterName() + ": logging, monitoring, image pulls only (managed by CodeZero)")
                .build(), scope.opts());
        Output<String> member = account.email().applyValue(email -> "serviceAccount:" + email);
        List<Resource> grants = new ArrayList<>();
        for (String role : ROLES) {
            grants.add(new IAMMember(scope.name("nodes-" + role.substring(role.indexOf('/') + 1).replace('.', '-')), IAMMemberArgs.builder()
                    .project(scope.project())
                    .role(role)
                    .member(member)
                    .build(), scope.opts()));
        }
        return new NodeServiceAccount(account, grants);
    }

    /** "<cluster>-nodes" when it fits in 30 characters, else a shortened name with a stable hash so two clusters never share one. */
    static String accountId(String clusterName) {
        String id = clusterName + "-nodes";
        if (id.length() <= MAX_ACCOUNT_ID) {
            return id;
        }
        String hash = Integer.toHexString(Math.abs(java.util.Arrays.hashCode(clusterName.getBytes(StandardCharsets.UTF_8))) & 0xffff);
        String head = clusterName.substring(0, MAX_ACCOUNT_ID - "-nodes".length() - hash.length() - 1).replaceAll("-+$", "");
        return head + "-" + hash + "-nodes";
    }

    Output<String> email() {
        return account.email();
    }

    Account account() {
        return account;
    }

    /** Nodes must not start before they may write logs and pull images. */
    List<Resource> grants() {
        return grants;
    }
}
