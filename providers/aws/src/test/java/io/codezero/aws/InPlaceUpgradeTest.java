package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.InPlaceUpdates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Changing the Kubernetes version or the pool sizes must update resources in place. Two programs
 * that differ only in that are run; for every resource, the inputs whose change makes the provider
 * replace the resource must be identical, and only version or scaling inputs may differ.
 */
class InPlaceUpgradeTest {

    /**
     * Inputs that force replacement, per type: for AWS types, read from replace-rules.json, which
     * providers/aws/scripts/extract-replace-rules.py extracts from terraform-provider-aws's own source
     * (ForceNew, RequiresReplace, ForceNewIf*); for Kubernetes types, the fields the Kubernetes API
     * refuses to update (StorageClass's provisioner, parameters, reclaimPolicy, volumeBindingMode) and
     * the Helm release's name and namespace, which pulumi-kubernetes replaces on.
     */
    static final Map<String, List<String>> REPLACE_ON_CHANGE = replaceOnChange();

    private static Map<String, List<String>> replaceOnChange() {
        Map<String, List<String>> rules = new java.util.TreeMap<>(ReplaceRules.byType());
        rules.put("kubernetes:storage.k8s.io/v1:StorageClass", List.of("metadata.name", "provisioner", "parameters",
                "reclaimPolicy", "volumeBindingMode"));
        rules.put("kubernetes:helm.sh/v3:Release", List.of("name", "namespace"));
        return rules;
    }

    private static final InPlaceUpdates UPDATES = InPlaceUpdates.of(REPLACE_ON_CHANGE).honouringIgnoreChanges();

    @Test
    void aKubernetesVersionUpgradeChangesOnlyVersionInputs() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        // the upgrade does reach the control plane, every node group and every add-on
        assertThat(changed.get("aws:eks/cluster:Cluster::demo-eks")).containsExactly("version");
        assertThat(changed.get("aws:eks/nodeGroup:NodeGroup::demo-system")).containsExactly("version");
        assertThat(changed.get("aws:eks/nodeGroup:NodeGroup::demo-gpu")).containsExactly("version");
        assertThat(changed.keySet().stream().filter(k -> k.startsWith("aws:eks/addon:Addon"))).hasSize(5);
        assertThat(changed.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("version", "addonVersion", "values.image.tag");
        // the Cluster Autoscaler's image follows the cluster's minor
        assertThat(changed.get("kubernetes:helm.sh/v3:Release::demo-cluster-autoscaler")).containsExactly("values.image.tag");
    }

    @Test
    void resizingAPoolChangesOnlyItsScalingConfig() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 4, 10), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        assertThat(changed).containsOnlyKeys("aws:eks/nodeGroup:NodeGroup::demo-system");
        assertThat(changed.get("aws:eks/nodeGroup:NodeGroup::demo-system"))
                .containsExactlyInAnyOrder("scalingConfig.desiredSize", "scalingConfig.maxSize");
    }

    @Test
    void theSameProgramTwiceRegistersIdenticalInputs() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(UPDATES.assertInPlace(first, second)).isEmpty();
    }

    @Test
    void theReplacementTableCatchesAChangeThatWouldReplace() {
        // guards the guard: an instance type change must show up as a replacement-triggering difference
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec(), Fixtures.args().instanceType(io.codezero.core.spec.SizeClass.MEDIUM, "m7i.xlarge").build());
        PlannedResource a = before.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        PlannedResource b = after.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        assertThat(UPDATES.replacementInputs(a)).isNotEqualTo(UPDATES.replacementInputs(b));
    }

    @Test
    void everyAwsResourceTypeWeRegisterHasExtractedRulesAndNoReplaceOnChangesOfItsOwn() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().adminPrincipalArns(List.of("arn:aws:iam::123456789012:role/ops")).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<String, List<String>> extracted = ReplaceRules.byType();
        for (PlannedResource r : run.where(r -> r.custom() && !r.isProvider() && r.type().startsWith("aws:"))) {
            assertThat(extracted).as("extracted rules for " + r.type() + " (add it to extract-replace-rules.py)").containsKey(r.type());
            // a replaceOnChanges option on an updatable input would turn an in-place update into a replacement
            assertThat(extracted.get(r.type())).as("replaceOnChanges of " + r).containsAll(r.replaceOnChanges());
        }
    }

    @Test
    void theExtractedRulesSayWhatDocsAwsMdSays() {
        // docs/aws.md lists these as the node group inputs that replace it: the extraction must agree
        assertThat(ReplaceRules.byType().get("aws:eks/nodeGroup:NodeGroup")).contains("nodeGroupName", "subnetIds",
                "instanceTypes", "capacityType", "amiType", "diskSize", "nodeRoleArn", "launchTemplate.id", "launchTemplate.name");
        assertThat(ReplaceRules.byType().get("aws:eks/nodeGroup:NodeGroup")).doesNotContain("version", "scalingConfig.desiredSize",
                "scalingConfig.minSize", "scalingConfig.maxSize", "launchTemplate.version");
        assertThat(ReplaceRules.byType().get("aws:eks/cluster:Cluster")).doesNotContain("version", "vpcConfig.endpointPublicAccess",
                "vpcConfig.endpointPrivateAccess", "vpcConfig.publicAccessCidrs", "upgradePolicy.supportType");
        assertThat(ReplaceRules.load().origin()).contains("terraform-provider-aws");
    }

    @Test
    void switchingToAPrivateOnlyEndpointUpdatesTheClusterInPlace() {
        OfflineRun open = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        var privateSpec = Fixtures.spec().toBuilder()
                .network(io.codezero.core.spec.NetworkSpec.builder().privateApiOnly(true).build()).build();
        OfflineRun closed = Fixtures.run(privateSpec, Fixtures.args().build());
        assertThat(open.succeeded()).as(open.failure()).isTrue();
        assertThat(closed.succeeded()).as(closed.failure()).isTrue();
        PlannedResource before = open.get("aws:eks/cluster:Cluster", "demo-eks");
        PlannedResource after = closed.get("aws:eks/cluster:Cluster", "demo-eks");
        assertThat(after.input("vpcConfig.endpointPublicAccess")).isEqualTo(false);
        assertThat(before.input("vpcConfig.endpointPublicAccess")).isEqualTo(true);
        for (PlannedResource b : closed.where(r -> r.custom() && !r.isProvider())) {
            var a = open.find(b.type(), b.name());
            if (a.isEmpty()) {
                // only the private endpoint's security group rules are new
                assertThat(b.type()).as(b.toString()).isEqualTo("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
                continue;
            }
            assertThat(UPDATES.replacementInputs(b)).as("replace-on-change inputs of " + b).isEqualTo(UPDATES.replacementInputs(a.get()));
        }
        assertThat(closed.where(r -> r.custom() && !r.isProvider() && open.find(r.type(), r.name()).isEmpty())).hasSize(1);
        assertThat(open.where(r -> r.custom() && !r.isProvider() && closed.find(r.type(), r.name()).isEmpty())).isEmpty();
    }

    @Test
    void theOfflineEngineRecordsReplaceOnChangesSoTheCheckAboveCanFail() {
        // guards the guard: a resource registering replaceOnChanges on an updatable input is seen, and is outside the rules
        OfflineRun run = io.codezero.core.plan.OfflineEngine.create().mocks(AwsPlanMocks.create()).run(ctx ->
                new com.pulumi.aws.iam.Role("r", com.pulumi.aws.iam.RoleArgs.builder().assumeRolePolicy("{}").description("d").build(),
                        com.pulumi.resources.CustomResourceOptions.builder().replaceOnChanges("description").build()));
        PlannedResource role = run.get("aws:iam/role:Role", "r");
        assertThat(role.replaceOnChanges()).containsExactly("description");
        assertThat(ReplaceRules.byType().get("aws:iam/role:Role")).doesNotContain("description");
    }
}
