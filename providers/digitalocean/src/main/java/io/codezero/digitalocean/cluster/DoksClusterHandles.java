package io.codezero.digitalocean.cluster;

import com.pulumi.core.Output;
import io.codezero.core.target.ClusterHandles;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import java.util.List;

/**
 * What the DigitalOcean target hands back beyond the kubeconfig, for a program that wires its own
 * DigitalOcean resources to the cluster: a database firewall rule naming the cluster, a Droplet or
 * load balancer in the same VPC, a volume or domain put into the same project.
 * Read it with {@code stack.handles(DoksClusterHandles.class)}.
 *
 * @param clusterName the DOKS cluster's name (the spec's {@code name})
 * @param endpoint    the API server's URL, {@code https://<id>.k8s.ondigitalocean.com}
 * @param cluster     the {@code digitalocean:index/kubernetesCluster:KubernetesCluster} resource (id, version, status, ...)
 * @param nodePools   one {@code KubernetesNodePool} per spec pool, in the spec's order (the built-in pool is part of {@code cluster})
 * @param vpcId       the VPC's UUID: the one created, or {@code digitalocean.vpcId}
 * @param projectId   the DigitalOcean project's UUID: the one created, or {@code digitalocean.project.id}
 * @param clusterUrn  {@code do:kubernetes:<id>}, how projects and firewalls name the cluster
 */
public record DoksClusterHandles(
        Output<String> clusterName,
        Output<String> endpoint,
        KubernetesCluster cluster,
        List<KubernetesNodePool> nodePools,
        Output<String> vpcId,
        Output<String> projectId,
        Output<String> clusterUrn) implements ClusterHandles {

    /**
     * Copies the pool list.
     * @param clusterName the DOKS cluster's name
     * @param endpoint the API server's URL
     * @param cluster the cluster resource
     * @param nodePools the spec pools' node pools
     * @param vpcId the VPC's UUID
     * @param projectId the project's UUID
     * @param clusterUrn the cluster's URN, {@code do:kubernetes:<id>}
     */
    public DoksClusterHandles {
        nodePools = List.copyOf(nodePools);
    }
}
