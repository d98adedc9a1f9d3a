package io.codezero.aws.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.codezero.aws.AwsPlanMocks;
import io.codezero.aws.AwsTarget;
import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.SharedCharts;
import io.codezero.core.Versions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.target.TargetContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * EKS node pools really autoscale: the Cluster Autoscaler is planned where a pool can change size,
 * discovers this cluster's node groups by the tags EKS puts on their Auto Scaling groups, runs the
 * image of the cluster's minor with Pod Identity, and its IAM policy is least privilege. Chart facts
 * are read from ../shared/charts/cluster-autoscaler-9.59.0, the chart the release pins.
 */
@SuppressWarnings("unchecked")
class ClusterAutoscalerTest {
    static final String CHART_DIR = "cluster-autoscaler-9.59.0";

    static ClusterSpec spec(int systemMin, int systemMax) {
        return ClusterSpec.builder("demo").kubernetesVersion("1.34")
                .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(systemMin, systemMin, systemMax).build())
                .nodePool(NodePool.builder("batch").size(SizeClass.LARGE).scaling(1, 1, 1).build())
                .build();
    }

    static OfflineRun plan(ClusterSpec spec, AwsTargetArgs args) {
        OfflineRun run = OfflineEngine.create().mocks(AwsPlanMocks.create())
                .run(ctx -> new AwsTarget(args).provision(spec, TargetContext.standalone("demo")));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    static AwsTargetArgs.Builder args() {
        return AwsTargetArgs.builder().region("eu-west-1");
    }

    @Test
    void isInstalledWhereAPoolCanScaleAndNotWhereNoneCan() {
        assertThat(plan(spec(2, 6), args().build()).find("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler")).isPresent();
        OfflineRun fixed = plan(spec(3, 3), args().build());
        assertThat(fixed.find("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler")).isEmpty();
        assertThat(fixed.where(r -> r.name().contains("cluster-autoscaler"))).isEmpty();
        assertThat(plan(spec(3, 3), args().clusterAutoscaler(AutoscalerSettings.DEFAULTS.withEnabled(true)).build())
                .find("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler")).isPresent();
        assertThat(plan(spec(2, 6), args().clusterAutoscaler(AutoscalerSettings.DEFAULTS.withEnabled(false)).build())
                .find("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler")).isEmpty();
    }

    @Test
    void discoversThisClustersNodeGroupsWithinEachPoolsMinAndMax() {
        OfflineRun run = plan(spec(2, 6), args().build());
        PlannedResource release = run.get("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler");
        assertThat(release.input("chart")).isEqualTo("cluster-autoscaler");
        assertThat(release.input("version")).isEqualTo("9.59.0");
        assertThat(release.input("repositoryOpts.repo")).isEqualTo("https://kubernetes.github.io/autoscaler");
        assertThat(release.input("namespace")).isEqualTo("kube-system");
        assertThat(release.input("values.cloudProvider")).isEqualTo("aws");
        assertThat(release.input("values.awsRegion")).isEqualTo("eu-west-1");
        assertThat(release.input("values.autoDiscovery.clusterName")).isEqualTo("demo");
        // the tag keys EKS puts on the Auto Scaling group of every managed node group of cluster "demo"
        assertThat((List<Object>) release.input("values.autoDiscovery.tags"))
                .containsExactly("k8s.io/cluster-autoscaler/enabled", "k8s.io/cluster-autoscaler/demo");
        // the pool that can scale is a node group whose min/max (copied by EKS onto its Auto Scaling group) are the pool's
        PlannedResource system = run.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        assertThat(system.input("scalingConfig.minSize")).isEqualTo(2.0);
        assertThat(system.input("scalingConfig.maxSize")).isEqualTo(6.0);
        assertThat(system.input("clusterName")).isEqualTo("demo");
        // and the autoscaler waits for every node group and owns their desired size from then on
        for (PlannedResource group : run.ofType("aws:eks/nodeGroup:NodeGroup")) {
            assertThat(run.dependsOn(release, group)).as(group.toString()).isTrue();
            assertThat(group.ignoreChanges()).contains("scalingConfig.desiredSize");
        }
    }

    @Test
    void theChartTurnsTheseValuesIntoTagDiscoveryAndTheRegion() throws Exception {
        Path chart = SharedCharts.chart(CHART_DIR);
        String deployment = Files.readString(chart.resolve("templates/deployment.yaml"));
        assertThat(deployment).contains("--node-group-auto-discovery=asg:tag={{ tpl (join \",\" .Values.autoDiscovery.tags) . }}");
        assertThat(deployment).contains("name: AWS_REGION");
        Map<String, Object> defaults = new Yaml().load(Files.readString(chart.resolve("values.yaml")));
        Map<String, Object> ours = ClusterAutoscaler.values("demo", "eu-west-1", "1.34", AutoscalerSettings.DEFAULTS);
        assertThat(defaults).as("every top-level value we set exists in the chart").containsKeys(ours.keySet().toArray(String[]::new));
        assertThat((Map<String, Object>) defaults.get("rbac")).containsKey("serviceAccount");
        assertThat((Map<String, Object>) ((Map<String, Object>) defaults.get("rbac")).get("serviceAccount")).containsKeys("create", "name");
        assertThat((Map<String, Object>) defaults.get("autoDiscovery")).containsKeys("clusterName", "tags");
        assertThat((Map<String, Object>) defaults.get("image")).containsKey("tag");
        assertThat(Files.readString(chart.resolve("Chart.yaml"))).contains("name: cluster-autoscaler").contains("version: 9.59.0");
    }

    @Test
    void runsTheAutoscalerReleaseOfTheClustersMinor() {
        for (String minor : Versions.KUBERNETES_SUPPORTED) {
            assertThat(AutoscalerImages.tagFor(minor)).as(minor).startsWith("v" + minor + ".");
        }
        PlannedResource release = plan(spec(2, 6), args().build()).get("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler");
        assertThat(release.input("values.image.tag")).isEqualTo("v1.34.5");
    }

    @Test
    void getsItsRoleThroughPodIdentityForItsOwnServiceAccount() {
        OfflineRun run = plan(spec(2, 6), args().build());
        PlannedResource association = run.get("aws:eks/podIdentityAssociation:PodIdentityAssociation", "demo-cluster-autoscaler-identity");
        PlannedResource release = run.get("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler");
        assertThat(association.input("namespace")).isEqualTo(release.input("namespace"));
        assertThat(association.input("serviceAccount")).isEqualTo(release.input("values.rbac.serviceAccount.name"));
        assertThat(association.input("roleArn")).isEqualTo("arn:aws:iam::123456789012:role/demo-cluster-autoscaler-role");
        assertThat(run.dependsOn(release, association)).isTrue();
        assertThat(run.get("aws:iam/role:Role", "demo-cluster-autoscaler-role").input("assumeRolePolicy").toString())
                .contains("pods.eks.amazonaws.com").doesNotContain("oidc");
    }

    @Test
    void itsPolicyIsLeastPrivilege() {
        OfflineRun run = plan(spec(2, 6), args().build());
        String json = (String) run.get("aws:iam/rolePolicy:RolePolicy", "demo-cluster-autoscaler-policy").input("policy");
        Map<String, Object> doc = new Gson().fromJson(json, Map.class);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) doc.get("Statement");
        Set<String> allActions = statements.stream().flatMap(s -> ((List<String>) s.get("Action")).stream()).collect(Collectors.toSet());
        assertThat(allActions).allSatisfy(a -> assertThat(a).doesNotContain("*"));
        assertThat(allActions).noneMatch(a -> a.startsWith("iam:") || a.startsWith("ec2:Run") || a.startsWith("ec2:Terminate")
                || a.startsWith("autoscaling:Update") || a.startsWith("autoscaling:Create") || a.startsWith("autoscaling:Delete"));
        for (Map<String, Object> s : statements) {
            List<String> actions = (List<String>) s.get("Action");
            boolean writes = actions.stream().anyMatch(a -> !a.contains(":Describe") && !a.contains(":Get"));
            if (writes) {
                // writes only on Auto Scaling groups EKS tagged as this cluster's
                assertThat(actions).containsExactlyInAnyOrder("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup");
                assertThat((Map<String, Object>) s.get("Condition")).isEqualTo(Map.of("StringEquals", Map.of(
                        "aws:ResourceTag/k8s.io/cluster-autoscaler/demo", "owned",
                        "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled", "true")));
            }
            if (actions.contains("eks:DescribeNodegroup")) {
                assertThat(s.get("Resource")).isEqualTo("arn:aws:eks:eu-west-1:123456789012:nodegroup/demo/*/*");
            }
        }
        assertThat(statements).filteredOn(s -> s.containsKey("Condition")).hasSize(1);
    }

    @Test
    void scaleDownSettingsReachTheAutoscalerAndBadOnesAreRefused() {
        var settings = AutoscalerSettings.DEFAULTS.withScaleDown("15m", "5m", "0.6");
        PlannedResource release = plan(spec(2, 6), args().clusterAutoscaler(settings).build()).get("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler");
        assertThat((Map<String, Object>) release.input("values.extraArgs")).containsEntry("scale-down-unneeded-time", "15m")
                .containsEntry("scale-down-delay-after-add", "5m").containsEntry("scale-down-utilization-threshold", "0.6")
                .containsEntry("expander", "least-waste").containsEntry("skip-nodes-with-local-storage", false);
        var problems = new AwsTarget(args().clusterAutoscaler(AutoscalerSettings.DEFAULTS.withScaleDown("ten minutes", "5m", "1.5")).build())
                .validate(spec(2, 6));
        assertThat(problems).extracting(io.codezero.core.validation.Problem::field)
                .containsExactlyInAnyOrder("aws.clusterAutoscaler.scaleDownUnneededTime", "aws.clusterAutoscaler.scaleDownUtilizationThreshold");
    }

    /**
     * cluster-autoscaler's AWS provider answers Pricing() with "not implemented", and the expander
     * factory then exits the process: with expander price the pod crash-loops and the release fails.
     */
    @Test
    void thePriceExpanderIsRefusedBecauseTheAutoscalerHasNoEc2PriceModel() {
        var price = new AutoscalerSettings(java.util.Optional.empty(), "10m", "10m", "0.5", "price");
        var problems = new AwsTarget(args().clusterAutoscaler(price).build()).validate(spec(2, 6));
        assertThat(problems).extracting(io.codezero.core.validation.Problem::field).containsExactly("aws.clusterAutoscaler.expander");
        assertThat(problems.get(0).toString()).contains("price").contains("least-waste");
        for (String usable : List.of("least-waste", "random", "most-pods", "priority")) {
            var settings = new AutoscalerSettings(java.util.Optional.empty(), "10m", "10m", "0.5", usable);
            assertThat(new AwsTarget(args().clusterAutoscaler(settings).build()).validate(spec(2, 6))).as(usable).isEmpty();
        }
    }

    /**
     * cluster-autoscaler lists Auto Scaling groups while it starts and exits (klog.Fatalf, "Failed to
     * create AWS Manager") when that call fails, as it does before CoreDNS answers; so its release waits
     * for CoreDNS as well as for the node groups and the Pod Identity agent.
     */
    @Test
    void startsAfterCoreDnsThePodIdentityAgentAndTheNodes() {
        OfflineRun run = plan(spec(2, 6), args().build());
        PlannedResource release = run.get("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler");
        assertThat(run.dependsOn(release, run.get("aws:eks/addon:Addon", "demo-coredns"))).isTrue();
        assertThat(run.dependsOn(release, run.get("aws:eks/addon:Addon", "demo-eks-pod-identity-agent"))).isTrue();
    }

    @Test
    void manageDesiredSizeIsRefusedWhileTheAutoscalerOwnsPoolSizes() {
        var problems = new AwsTarget(args().manageDesiredSize(true).build()).validate(spec(2, 6));
        assertThat(problems).extracting(io.codezero.core.validation.Problem::field).containsExactly("aws.manageDesiredSize");
        assertThat(problems.get(0).toString()).contains("clusterAutoscaler.enabled: false");
        // sizes owned by Pulumi alone are fine: the autoscaler switched off, or no pool that can scale
        assertThat(new AwsTarget(args().manageDesiredSize(true).clusterAutoscaler(AutoscalerSettings.DEFAULTS.withEnabled(false)).build())
                .validate(spec(2, 6))).isEmpty();
        assertThat(new AwsTarget(args().manageDesiredSize(true).build()).validate(spec(3, 3))).isEmpty();
    }
}
