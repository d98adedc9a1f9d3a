package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import java.util.ArrayList;
import io.codezero.aws.cluster.EksCluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Checks that only matter on a later {@code up}, against the cluster and node groups as EKS runs
 * them now: rules EKS applies to an update that the plan cannot see, because the plan compares the
 * program with Pulumi's state, not with the live cluster.
 *
 * <ul>
 *   <li>{@value #LOG_GROUP}: before the cluster exists, its control-plane log group must not be one
 *       EKS left behind after a destroy.</li>
 *   <li>{@value #UPGRADE}: EKS moves a control plane one Kubernetes minor at a time and never back
 *       (UpdateClusterVersion refuses anything else), so a program that skips a minor or goes back
 *       fails at the cluster's update.</li>
 *   <li>{@value #SCALING}: a node group's desired size is the autoscaler's once the group exists
 *       (ignored by the program), so a changed {@code minNodes}/{@code maxNodes} reaches EKS as
 *       UpdateNodegroupConfig with the desired size Pulumi recorded, not the one the group runs. EKS
 *       refuses a minimum above, or a maximum below, the desired size, so a pool the new limits
 *       leave outside its current size cannot be changed by the program at all.</li>
 * </ul>
 */
final class ExistingClusterChecks {
    static final String UPGRADE = "kubernetes-upgrade";
    static final String SCALING = "node-group-scaling";
    static final String LOG_GROUP = "control-plane-log-group";

    private final AwsClients clients;

    ExistingClusterChecks(AwsClients clients) {
        this.clients = clients;
    }

    /** Nothing for a cluster that does not exist yet; else the version step and one result per existing pool that changes its limits. */
    List<CheckResult> run(ClusterSpec spec, AwsTargetArgs args) {
        Cluster cluster;
        try {
            cluster = clients.eks().describeCluster(r -> r.name(spec.name())).cluster();
        } catch (ResourceNotFoundException e) {
            return List.of(leftoverLogGroup(spec.name()));
        } catch (SdkException e) {
            return List.of(CheckResult.unknown(UPGRADE, "could not read cluster " + spec.name() + " (" + AwsPreflight.reason(e) + ")"));
        }
        List<CheckResult> results = new ArrayList<>();
        CheckResult step = upgradeVerdict(spec.name(), cluster.version(), spec.kubernetesVersion());
        if (step.status() == io.codezero.core.preflight.CheckStatus.PASS && !cluster.version().equals(spec.kubernetesVersion())) {
            step = nodeGroupsAtClusterVersion(spec.name(), cluster.version(), spec.kubernetesVersion(), step);
        }
        results.add(step);
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            NodegroupScalingConfig live;
            try {
                live = clients.eks().describeNodegroup(r -> r.clusterName(spec.name()).nodegroupName(pool.name())).nodegroup().scalingConfig();
            } catch (ResourceNotFoundException e) {
                continue; // a new pool: created with its own sizes
            } catch (SdkException e) {
                results.add(CheckResult.unknown(SCALING, "could not read node group " + pool.name() + " (" + AwsPreflight.reason(e) + ")"));
                continue;
            }
            if (live != null) {
                results.add(scalingVerdict(spec.name(), pool, live.minSize(), live.desiredSize(), live.maxSize(), args.manageDesiredSize()));
            }
        }
        return results;
    }

    /**
     * Before a cluster is created: its control-plane log group must not exist unless this program made
     * it (tagged {@code managed-by=codezero} and with the cluster's name, e.g. by an earlier {@code up}
     * that stopped before the cluster). One EKS re-created after a destroy carries no tags, and
     * creating the group again fails with ResourceAlreadyExistsException.
     */
    CheckResult leftoverLogGroup(String clusterName) {
        String name = EksCluster.controlPlaneLogGroup(clusterName);
        try {
            Optional<LogGroup> group = clients.logs().describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                    .filter(g -> name.equals(g.logGroupName())).findFirst();
            if (group.isEmpty()) {
                return CheckResult.pass(LOG_GROUP, "no log group " + name + " exists yet");
            }
            String arn = group.get().arn().replaceFirst(":\\*$", "");
            Map<String, String> tags = clients.logs().listTagsForResource(r -> r.resourceArn(arn)).tags();
            if ("codezero".equals(tags.get("managed-by")) && clusterName.equals(tags.get("codezero.io/cluster"))) {
                return CheckResult.pass(LOG_GROUP, "log group " + name + " was made by CodeZero for this cluster");
            }
            return CheckResult.fail(LOG_GROUP, "log group " + name + " already exists (EKS re-creates it with a deleted cluster's last "
                    + "control-plane logs), so creating it fails with ResourceAlreadyExistsException; keep what you need from it, then "
                    + "delete it with: aws logs delete-log-group --log-group-name " + name + " --region " + clients.region()
                    + "; or name the cluster differently");
        } catch (SdkException e) {
            return CheckResult.unknown(LOG_GROUP, "could not look for log group " + name + " (" + AwsPreflight.reason(e) + ")");
        }
    }

    /**
     * EKS upgrades a control plane only when every managed node group runs its current version
     * ("Nodegroups ... must be updated to match cluster version ... before updating cluster version"),
     * as after an earlier upgrade whose node rollout failed. Every node group counts, also those of
     * pools the program is about to delete (Pulumi deletes last).
     */
    CheckResult nodeGroupsAtClusterVersion(String cluster, String running, String wanted, CheckResult otherwise) {
        try {
            List<String> behind = new ArrayList<>();
            for (String group : clients.eks().listNodegroups(r -> r.clusterName(cluster)).nodegroups()) {
                String version = clients.eks().describeNodegroup(r -> r.clusterName(cluster).nodegroupName(group)).nodegroup().version();
                if (version != null && !version.equals(running)) {
                    behind.add(group + " (" + version + ")");
                }
            }
            return nodeGroupVerdict(cluster, running, wanted, behind, otherwise);
        } catch (SdkException e) {
            return CheckResult.unknown(UPGRADE, "could not compare the node groups' versions with " + running + " before upgrading cluster "
                    + cluster + " to " + wanted + " (" + AwsPreflight.reason(e) + ")");
        }
    }

    /** The verdict once the node groups behind the control plane are known. */
    static CheckResult nodeGroupVerdict(String cluster, String running, String wanted, List<String> behind, CheckResult otherwise) {
        if (behind.isEmpty()) {
            return otherwise;
        }
        return CheckResult.fail(UPGRADE, "cluster " + cluster + " cannot go from " + running + " to " + wanted + " while node group"
                + (behind.size() == 1 ? " " : "s ") + String.join(", ", behind) + " still run" + (behind.size() == 1 ? "s" : "")
                + " an older version: EKS upgrades the control plane only when every managed node group matches it; keep kubernetesVersion at "
                + running + " and pulumi up (the node groups catch up), then upgrade to " + wanted);
    }

    /** The control plane's version step: the same minor, or the next one. */
    static CheckResult upgradeVerdict(String cluster, String running, String wanted) {
        return io.codezero.aws.cluster.VersionStep.refusal(cluster, running, wanted)
                .map(why -> CheckResult.fail(UPGRADE, why))
                .orElseGet(() -> CheckResult.pass(UPGRADE, running.equals(wanted)
                        ? "cluster " + cluster + " runs Kubernetes " + running + " as the program asks"
                        : "cluster " + cluster + " is upgraded in place from " + running + " to " + wanted));
    }

    /**
     * A pool whose limits change while the program leaves the desired size to the autoscaler. EKS
     * keeps {@code min <= desired <= max}; a pool now running outside the new limits must be resized
     * first (the command is given), then {@code pulumi up --refresh} records the size it runs.
     */
    static CheckResult scalingVerdict(String cluster, NodePool pool, Integer liveMin, Integer liveDesired, Integer liveMax,
                                      boolean programSetsDesiredSize) {
        String group = "node group " + pool.name();
        if (programSetsDesiredSize || liveDesired == null) {
            return CheckResult.pass(SCALING, group + ": the program sets its desired size (" + pool.desiredNodes() + ")");
        }
        boolean limitsChange = !Integer.valueOf(pool.minNodes()).equals(liveMin) || !Integer.valueOf(pool.maxNodes()).equals(liveMax);
        if (!limitsChange) {
            return CheckResult.pass(SCALING, group + " keeps its limits " + pool.minNodes() + ".." + pool.maxNodes()
                    + " and runs " + liveDesired + " nodes");
        }
        if (liveDesired < pool.minNodes() || liveDesired > pool.maxNodes()) {
            int resized = Math.max(pool.minNodes(), Math.min(pool.maxNodes(), liveDesired));
            return CheckResult.fail(SCALING, group + " runs " + liveDesired + " nodes, outside the new limits minNodes " + pool.minNodes()
                    + ", maxNodes " + pool.maxNodes() + ", and EKS refuses limits that leave the desired size outside them "
                    + "(the program does not set a desired size: the autoscaler owns it); resize it first with: aws eks update-nodegroup-config"
                    + " --cluster-name " + cluster + " --nodegroup-name " + pool.name() + " --scaling-config minSize=" + pool.minNodes()
                    + ",maxSize=" + pool.maxNodes() + ",desiredSize=" + resized + ", then run pulumi up --refresh");
        }
        return CheckResult.pass(SCALING, group + " goes from limits " + liveMin + ".." + liveMax + " to " + pool.minNodes() + ".."
                + pool.maxNodes() + " around its " + liveDesired + " nodes; run pulumi up --refresh, or EKS is also sent the desired size "
                + "Pulumi recorded, not the " + liveDesired + " it runs");
    }
}
