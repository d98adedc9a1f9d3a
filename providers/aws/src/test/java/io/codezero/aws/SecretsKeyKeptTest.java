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
 * EKS encrypts a cluster's secrets with one key for its life; the provider's update only associates a key with a
 * cluster that has none. A program naming another key than the running one is refused before anything registers.
 */
class SecretsKeyKeptTest {
    private static final String OURS = "arn:aws:kms:eu-west-1:123456789012:key/0b6f4c1e-5d5a-4d2b-9c1e-2f3a4b5c6d7e";
    private static final String OTHER = "arn:aws:kms:eu-west-1:123456789012:key/7d6c5b4a-3f2e-1d0c-9b8a-7f6e5d4c3b2a";

    private static OfflineRun run(AwsTargetArgs args, String runningKey) {
        var running = new RunningCluster("1.33", runningKey, Map.of(), Map.of());
        return OfflineEngine.create().mocks(AwsPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            new AwsTarget(args, s -> Optional.of(running)).provision(Fixtures.spec(), new io.codezero.core.target.TargetContext("demo", stack));
        });
    }

    @Test
    void adoptingAnotherKeyForARunningClusterIsRefusedBeforeCodeZerosOwnKeyCouldBeScheduledForDeletion() {
        OfflineRun switched = run(Fixtures.args().kmsKeyArn(OTHER).build(), OURS);
        assertThat(switched.succeeded()).isFalse();
        assertThat(switched.failure()).contains("aws.kmsKeyArn").contains(OTHER)
                .contains("is not the key the running cluster encrypts its secrets with (" + OURS + ")")
                .contains("set aws.kmsKeyArn to " + OURS + " or remove it");
        assertThat(switched.ofType("aws:kms/key:Key")).isEmpty();
        assertThat(switched.ofType("aws:eks/cluster:Cluster")).isEmpty();
    }

    @Test
    void theKeyTheClusterUsesAndCodeZerosOwnKeyPlanAsBefore() {
        OfflineRun same = run(Fixtures.args().kmsKeyArn(OURS).build(), OURS);
        assertThat(same.succeeded()).as(same.failure()).isTrue();
        assertThat(same.get("aws:eks/cluster:Cluster", "demo-eks").input("encryptionConfig.provider.keyArn")).isEqualTo(OURS);
        OfflineRun own = run(Fixtures.args().build(), OURS);
        assertThat(own.succeeded()).as(own.failure()).isTrue();
        assertThat(own.ofType("aws:kms/key:Key")).hasSize(1);
    }
}
