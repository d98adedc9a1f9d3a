package io.codezero.aws.autoscaling;

import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.aws.AwsScope;
import io.codezero.aws.cluster.TrustPolicies;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.helm.ChartSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes Cluster Autoscaler on EKS: an IAM role with {@link AutoscalerPolicy} (least
 * privilege), bound to the autoscaler's service account by EKS Pod Identity, and the upstream chart
 * with auto-discovery of this cluster's managed node groups by the tags EKS puts on their Auto
 * Scaling groups. The autoscaler changes only a group's desired size, between the minimum and
 * maximum that EKS copies from each pool's {@code minNodes}/{@code maxNodes}.
 *
 * <p>The release is made like every platform release ({@link ChartSource#release}: atomic, bounded
 * wait), so {@code ./codezero plan --values-out} exports it and e2e/render-check.sh renders it
 * against {@code ../shared/charts/cluster-autoscaler-9.59.0}.
 *
 * @param role        the IAM role the autoscaler's pods wear
 * @param policy      its inline least-privilege policy
 * @param association the Pod Identity association (kube-system/cluster-autoscaler → role)
 * @param release     the Helm release
 */
public record ClusterAutoscaler(Role role, RolePolicy policy, PodIdentityAssociation association, Release release) {
    /** The pinned chart; ../shared/charts holds this very version. */
    public static final ChartRef CHART = new ChartRef("cluster-autoscaler", "https://kubernetes.github.io/autoscaler",
            "cluster-autoscaler", "9.59.0");
    /** The namespace the autoscaler runs in (the Pod Identity association names it). */
    public static final String NAMESPACE = "kube-system";
    /** The autoscaler's Kubernetes service account, bound to its IAM role through Pod Identity. */
    public static final String SERVICE_ACCOUNT = "cluster-autoscaler";
    static final int TIMEOUT_SECONDS = 600;

    /**
     * Installs the autoscaler.
     *
     * @param kubernetesVersion the cluster's minor; the image is the autoscaler release of that minor
     * @param afterNodes        node groups, the Pod Identity agent and CoreDNS: the pod needs a node, its credentials,
     *                          and DNS for the AWS endpoints it calls at start-up (it exits when that call fails)
     * @param scope where the AWS resources go
     * @param cluster the EKS cluster
     * @param settings the scale-down timings and expander
     * @param partition the AWS partition, known at deploy time
     * @param account the account ID, known at deploy time
     * @param kubernetes the cluster's Kubernetes provider
     * @return the resources registered
     */
    public static ClusterAutoscaler install(AwsScope scope, Cluster cluster, String kubernetesVersion, AutoscalerSettings settings,
                                           Output<String> partition, Output<String> account,
                                           com.pulumi.kubernetes.Provider kubernetes, List<Resource> afterNodes) {
        var role = new Role(scope.name("cluster-autoscaler-role"), RoleArgs.builder()
                .description("Cluster Autoscaler of " + scope.clusterName() + " (EKS Pod Identity)")
                .assumeRolePolicy(TrustPolicies.podIdentity())
                .tags(scope.tags(scope.name("cluster-autoscaler-role")))
                .build(), scope.opts());
        var policy = new RolePolicy(scope.name("cluster-autoscaler-policy"), RolePolicyArgs.builder()
                .role(role.name())
                .policy(Output.tuple(partition, account).applyValue(t ->
                        AutoscalerPolicy.document(t.t1, scope.region(), t.t2, scope.clusterName())))
                .build(), scope.opts());
        var association = new PodIdentityAssociation(scope.name("cluster-autoscaler-identity"), PodIdentityAssociationArgs.builder()
                .clusterName(cluster.name())
                .namespace(NAMESPACE)
                .serviceAccount(SERVICE_ACCOUNT)
                .roleArn(role.arn())
                .tags(scope.tags(scope.name("cluster-autoscaler-identity")))
                .build(), scope.opts());
        List<Resource> dependsOn = new ArrayList<>(afterNodes);
        dependsOn.add(policy);
        dependsOn.add(association);
        var release = ChartSource.remote().release(scope.name("cluster-autoscaler"), CHART, "cluster-autoscaler", NAMESPACE,
                values(scope.clusterName(), scope.region(), kubernetesVersion, settings), TIMEOUT_SECONDS,
                CustomResourceOptions.builder().parent(scope.parent()).provider(kubernetes).dependsOn(dependsOn).build());
        return new ClusterAutoscaler(role, policy, association, release);
    }

    /**
     * The chart values; every key exists in the chart's values.yaml (ClusterAutoscalerTest reads it).
     * @param clusterName the EKS cluster's name, for auto-discovery
     * @param region the cluster's region
     * @param kubernetesVersion the cluster's minor, which picks the image
     * @param settings the scale-down timings and expander
     * @return the values, in a stable order
     */
    public static Map<String, Object> values(String clusterName, String region, String kubernetesVersion, AutoscalerSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cloudProvider", "aws");
        // pods cannot reach the instance metadata service (hop limit 1), so the region is given
        values.put("awsRegion", region);
        values.put("autoDiscovery", Map.of(
                "clusterName", clusterName,
                "tags", List.of(AutoscalerPolicy.ENABLED_TAG, AutoscalerPolicy.clusterTag(clusterName))));
        values.put("fullnameOverride", "cluster-autoscaler");
        values.put("image", Map.of("tag", AutoscalerImages.tagFor(kubernetesVersion)));
        values.put("rbac", Map.of("serviceAccount", Map.of("create", true, "name", SERVICE_ACCOUNT)));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("logtostderr", true);
        args.put("stderrthreshold", "info");
        args.put("v", 4);
        args.put("expander", settings.expander());
        args.put("balance-similar-node-groups", true);
        args.put("scale-down-unneeded-time", settings.scaleDownUnneededTime());
        args.put("scale-down-delay-after-add", settings.scaleDownDelayAfterAdd());
        args.put("scale-down-utilization-threshold", settings.scaleDownUtilizationThreshold());
        // Istio sidecars and many platform pods use emptyDir; with the upstream default (true) no such node would ever go
        args.put("skip-nodes-with-local-storage", false);
        values.put("extraArgs", args);
        // the autoscaler never evicts itself: its node stays while it runs
        values.put("podAnnotations", Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false"));
        values.put("resources", Map.of(
                "requests", Map.of("cpu", "100m", "memory", "300Mi"),
                "limits", Map.of("memory", "600Mi")));
        values.put("securityContext", Map.of("runAsNonRoot", true, "runAsUser", 65534, "runAsGroup", 65534,
                "seccompProfile", Map.of("type", "RuntimeDefault")));
        values.put("containerSecurityContext", Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                "capabilities", Map.of("drop", List.of("ALL"))));
        return values;
    }
}
