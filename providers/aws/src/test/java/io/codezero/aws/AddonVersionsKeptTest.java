package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.aws.cluster.RunningCluster;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * EKS add-on versions are decided once and kept: a new default from AWS alone never upgrades a running
 * add-on; creating an add-on or moving the cluster to another minor takes EKS's default for that version.
 */
class AddonVersionsKeptTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/0b6f4c1e-5d5a-4d2b-9c1e-2f3a4b5c6d7e";
    private static final Map<String, String> RUNNING = Map.of(
            "vpc-cni", "v1.19.2-eksbuild.1",
            "kube-proxy", "v1.33.0-eksbuild.2",
            "eks-pod-identity-agent", "v1.3.4-eksbuild.1",
            "coredns", "v1.11.4-eksbuild.2",
            "aws-ebs-csi-driver", "v1.41.0-eksbuild.1");

    /** AWS has moved every default since the add-ons were installed. */
    private static PlanMocks movedDefaults() {
        PlanMocks mocks = AwsPlanMocks.create();
        mocks.invoke("aws:eks/getAddonVersion:getAddonVersion", call -> Map.of("addonName", call.args.get("addonName"),
                "kubernetesVersion", call.args.get("kubernetesVersion"), "id", call.args.get("addonName"), "mostRecent", false,
                "version", "new-default-for-" + call.args.get("kubernetesVersion")));
        return mocks;
    }

    private static Map<String, Set<String>> allCompatible() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        RUNNING.forEach((addon, version) -> out.put(addon, Set.of(version, "new-default-for-1.33")));
        return out;
    }

    private static OfflineRun run(ClusterSpec spec, AwsTargetArgs args, Optional<RunningCluster> running) {
        return OfflineEngine.create().mocks(movedDefaults()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            new AwsTarget(args, s -> running).provision(spec, new io.codezero.core.target.TargetContext(spec.name(), stack));
        });
    }

    private static Map<String, Object> addonVersions(OfflineRun run) {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<String, Object> out = new LinkedHashMap<>();
        for (PlannedResource addon : run.ofType("aws:eks/addon:Addon")) {
            out.put((String) addon.input("addonName"), addon.input("addonVersion"));
        }
        assertThat(out).hasSize(5);
        return out;
    }

    @Test
    void aNewEksDefaultAloneNeverUpgradesARunningAddon() {
        var running = new RunningCluster("1.33", KEY, RUNNING, allCompatible());
        assertThat(addonVersions(run(Fixtures.spec(), Fixtures.args().build(), Optional.of(running))))
                .containsExactlyInAnyOrderEntriesOf(Map.copyOf(RUNNING));
    }

    @Test
    void aKubernetesUpgradeMovesEveryAddonToEksDefaultForTheNewVersion() {
        var running = new RunningCluster("1.33", KEY, Map.of(), Map.of());
        assertThat(addonVersions(run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build(), Optional.of(running))).values())
                .containsOnly("new-default-for-1.34");
    }

    @Test
    void anAddonNotYetInstalledOrNoLongerListedForTheVersionTakesTheDefault() {
        Map<String, String> versions = new LinkedHashMap<>(RUNNING);
        versions.remove("aws-ebs-csi-driver");
        Map<String, Set<String>> compatible = new LinkedHashMap<>(allCompatible());
        compatible.put("kube-proxy", Set.of("v1.33.5-eksbuild.1")); // e.g. an upgrade that stopped half-way
        var running = new RunningCluster("1.33", KEY, versions, compatible);
        var chosen = addonVersions(run(Fixtures.spec(), Fixtures.args().build(), Optional.of(running)));
        assertThat(chosen).containsEntry("aws-ebs-csi-driver", "new-default-for-1.33").containsEntry("kube-proxy", "new-default-for-1.33")
                .containsEntry("vpc-cni", "v1.19.2-eksbuild.1").containsEntry("coredns", "v1.11.4-eksbuild.2");
    }

    @Test
    void aPinWinsOverTheRunningVersion() {
        var running = new RunningCluster("1.33", KEY, RUNNING, allCompatible());
        var chosen = addonVersions(run(Fixtures.spec(), Fixtures.args().addonVersions(Map.of("coredns", "v1.12.1-eksbuild.2")).build(),
                Optional.of(running)));
        assertThat(chosen).containsEntry("coredns", "v1.12.1-eksbuild.2").containsEntry("vpc-cni", "v1.19.2-eksbuild.1");
    }
}
