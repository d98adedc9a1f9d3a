package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.aws.cluster.RunningCluster;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * EKS moves a control plane one minor up at a time and never back. The program reads the running cluster under the
 * real engine, so a skip or a step back is refused before anything registers, also with the preflight off.
 */
class VersionStepKeptTest {

    private static OfflineRun run(String programVersion, String runningVersion) {
        var running = new RunningCluster(runningVersion, "", Map.of(), Map.of());
        return OfflineEngine.create().mocks(AwsPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            new AwsTarget(Fixtures.args().build(), s -> Optional.of(running))
                    .provision(Fixtures.spec(programVersion, 2, 5), new io.codezero.core.target.TargetContext("demo", stack));
        });
    }

    @Test
    void aSkippedMinorOrAStepBackIsRefusedBeforeAnythingRegistersEvenWithThePreflightOff() {
        OfflineRun skip = run("1.35", "1.33");
        assertThat(skip.succeeded()).isFalse();
        assertThat(skip.failure()).contains("kubernetesVersion").contains("EKS upgrades one minor at a time; set kubernetesVersion to 1.34");
        assertThat(skip.ofType("aws:eks/cluster:Cluster")).isEmpty();
        OfflineRun back = run("1.32", "1.33");
        assertThat(back.succeeded()).isFalse();
        assertThat(back.failure()).contains("EKS never downgrades a cluster; set kubernetesVersion to 1.33");
        for (String[] ok : new String[][] {{"1.33", "1.33"}, {"1.34", "1.33"}}) {
            OfflineRun fine = run(ok[0], ok[1]);
            assertThat(fine.succeeded()).as(fine.failure()).isTrue();
        }
    }
}
