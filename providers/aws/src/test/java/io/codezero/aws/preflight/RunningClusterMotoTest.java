package io.codezero.aws.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codezero.aws.cluster.AddonVersionChoice;
import io.codezero.aws.cluster.RunningCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the program reads from EKS to keep add-on versions, against a real EKS emulator (moto server). */
class RunningClusterMotoTest extends AgainstMoto {
    private void createCluster(AwsClients clients, String name, String version) {
        clients.eks().createCluster(r -> r.name(name).version(version).roleArn("arn:aws:iam::123456789012:role/eks")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")));
    }

    @Test
    void aClusterThatDoesNotExistYetRunsNothingToKeep() {
        try (var clients = moto.clients("eu-west-1")) {
            assertThat(RunningCluster.read(clients.eks(), "not-there", "1.34", AddonVersionChoice.unpinned(Map.of()))).isEmpty();
        }
    }

    @Test
    void aClusterOnAnotherMinorIsReadWithoutItsAddonsBecauseAnUpgradeTakesTheDefaults() {
        try (var clients = moto.clients("eu-west-1")) {
            createCluster(clients, "upgrading", "1.33");
            var running = RunningCluster.read(clients.eks(), "upgrading", "1.34", AddonVersionChoice.unpinned(Map.of())).orElseThrow();
            assertThat(running.clusterVersion()).isEqualTo("1.33");
            assertThat(running.versions()).isEmpty();
        }
    }

    @Test
    void addonsThatCannotBeReadFailTheProgramNamingThePermissionsAndThePinInsteadOfFallingBackToTheDefault() {
        // moto implements no add-on API: EKS answers an error, as it does to an identity without eks:DescribeAddon
        try (var clients = moto.clients("eu-west-1")) {
            createCluster(clients, "steady", "1.34");
            assertThatThrownBy(() -> RunningCluster.read(clients.eks(), "steady", "1.34", List.of("coredns")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("eks:DescribeAddon")
                    .hasMessageContaining("aws.addonVersions");
        }
    }

    @Test
    void theKeyARunningClusterEncryptsItsSecretsWithIsRead() {
        String key = "arn:aws:kms:eu-west-1:123456789012:key/0b6f4c1e-5d5a-4d2b-9c1e-2f3a4b5c6d7e";
        try (var clients = moto.clients("eu-west-1")) {
            clients.eks().createCluster(r -> r.name("encrypted").version("1.33").roleArn("arn:aws:iam::123456789012:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"))
                    .encryptionConfig(e -> e.resources("secrets").provider(p -> p.keyArn(key))));
            var running = RunningCluster.read(clients.eks(), "encrypted", "1.34", AddonVersionChoice.unpinned(Map.of())).orElseThrow();
            assertThat(running.secretsKeyArn()).isEqualTo(key);
            assertThat(running.secretsKeyProblem(java.util.Optional.of(key))).isEmpty();
            assertThat(running.secretsKeyProblem(java.util.Optional.of(key.replace("0b6f", "ffff")))).isPresent();
        }
    }
}
