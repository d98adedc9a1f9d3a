package io.codezero.aws.preflight;

import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two verdicts the emulator cannot produce (moto implements neither EKS DescribeClusterVersions
 * nor EC2 Service Quotas): the decision and its message, given what AWS would have answered.
 */
class PreflightVerdictTest {

    @Test
    void aVersionEksDoesNotOfferFailsNamingTheOffered() {
        CheckResult result = AwsPreflight.versionVerdict("1.35", Set.of("1.32", "1.33", "1.34"), "eu-west-1");
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).isEqualTo("EKS in eu-west-1 does not offer Kubernetes 1.35; it offers 1.32, 1.33, 1.34; set kubernetesVersion to one of them");
        assertThat(AwsPreflight.versionVerdict("1.34", Set.of("1.33", "1.34"), "eu-west-1").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aVersionInExtendedSupportFailsUnderTheStandardUpgradePolicy() {
        CheckResult result = AwsPreflight.supportVerdict("1.32", "STANDARD", "EXTENDED_SUPPORT", java.time.Instant.parse("2026-03-23T00:00:00Z"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.message()).contains("left EKS standard support on 2026-03-23").contains("supportType: EXTENDED")
                .contains("upgrade kubernetesVersion");
        assertThat(AwsPreflight.supportVerdict("1.32", "EXTENDED", "EXTENDED_SUPPORT", null).status()).isEqualTo(CheckStatus.PASS);
        assertThat(AwsPreflight.supportVerdict("1.34", "STANDARD", "STANDARD_SUPPORT", null).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anotherIdentityWithoutAnAccessEntryCannotUpAnExistingCluster() {
        String alice = "arn:aws:iam::123456789012:role/Admin";
        String bob = "arn:aws:iam::123456789012:role/ci";
        CheckResult refused = AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.of(false));
        assertThat(refused.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(refused.message()).contains("has no access entry").contains("Unauthorized").contains("aws.adminPrincipalArns")
                .contains("run as " + alice);
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(bob), java.util.Optional.of(false)).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.of(true)).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(AwsPreflight.existingClusterAccess("demo", alice, alice, java.util.List.of(), java.util.Optional.of(false)).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(alice), java.util.Optional.of(true)).status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.empty()).status())
                .isEqualTo(CheckStatus.UNKNOWN);
    }

    /**
     * An access entry authenticates; only its access policies authorize. An entry for the caller with
     * no AmazonEKSClusterAdminPolicy at cluster scope (and no Kubernetes groups) gets Forbidden on the
     * platform's cluster-wide objects, so the second identity's up is refused with the command that fixes it.
     */
    @Test
    void anotherIdentitysAccessEntryWithoutClusterAdminIsRefusedWithTheAssociateCommand() {
        String alice = "arn:aws:iam::123456789012:role/Admin";
        String bob = "arn:aws:iam::123456789012:role/ci";
        CheckResult refused = AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.of(true),
                java.util.Optional.of(AwsPreflight.EntryRights.NOT_ADMIN));
        assertThat(refused.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(refused.message()).contains("Forbidden").contains("aws eks associate-access-policy --cluster-name demo --principal-arn " + bob
                + " --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy --access-scope type=cluster");
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.of(true),
                java.util.Optional.of(AwsPreflight.EntryRights.CLUSTER_ADMIN)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.of(true),
                java.util.Optional.of(AwsPreflight.EntryRights.GROUPS_ONLY)).status()).isEqualTo(CheckStatus.PASS);
        assertThat(AwsPreflight.existingClusterAccess("demo", bob, alice, java.util.List.of(), java.util.Optional.of(true),
                java.util.Optional.empty()).status()).isEqualTo(CheckStatus.UNKNOWN);
        // its creator and listed admins are admins through entries EKS or this program made
        assertThat(AwsPreflight.existingClusterAccess("demo", alice, alice, java.util.List.of(), java.util.Optional.of(true),
                java.util.Optional.of(AwsPreflight.EntryRights.NOT_ADMIN)).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void vcpuQuotaCountsRunningInstancesAgainstTheLimit() {
        CheckResult short1 = VcpuQuota.STANDARD_ON_DEMAND.evaluate(20, 4, 16, "pool system needs");
        assertThat(short1.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(short1.message()).isEqualTo("vCPU quota L-1216C47A (Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances) is 16"
                + " with 4 in use, so 12 are free, but pool system needs 20 vCPUs at maximum size;"
                + " request an increase in the Service Quotas console or lower maxNodes");
        assertThat(VcpuQuota.STANDARD_ON_DEMAND.evaluate(12, 4, 16, "pool system needs").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void instanceFamiliesMapToTheirQuotas() {
        assertThat(VcpuQuota.forInstanceType("m6i.xlarge", false)).contains(VcpuQuota.STANDARD_ON_DEMAND);
        assertThat(VcpuQuota.forInstanceType("t3.medium", true)).contains(VcpuQuota.STANDARD_SPOT);
        assertThat(VcpuQuota.forInstanceType("g5.2xlarge", false)).contains(VcpuQuota.G_ON_DEMAND);
        assertThat(VcpuQuota.forInstanceType("p5.48xlarge", true)).contains(VcpuQuota.P_SPOT);
        assertThat(VcpuQuota.forInstanceType("inf2.xlarge", false)).isEmpty();
    }
}
