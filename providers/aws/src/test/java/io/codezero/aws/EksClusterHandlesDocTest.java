package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.aws.cluster.TrustPolicies;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The EksClusterHandles example of docs/aws.md, run: its own resources land on the cluster's provider and wait for the agent. */
class EksClusterHandlesDocTest {
    /** The example's lines after the one that reads the handles, exactly as docs/aws.md shows them. */
    static final String DOC_EXAMPLE = """
            var role = new Role("reports-role", RoleArgs.builder().assumeRolePolicy(TrustPolicies.podIdentity()).build(),
                    CustomResourceOptions.builder().provider(eks.awsProvider()).build());
            new PodIdentityAssociation("reports", PodIdentityAssociationArgs.builder()
                    .clusterName(eks.clusterName()).namespace("reports").serviceAccount("reports").roleArn(role.arn()).build(),
                    CustomResourceOptions.builder().provider(eks.awsProvider()).dependsOn(eks.podIdentityAgent()).build());
            """;

    @Test
    void theDocsExampleWiresOwnResourcesToTheClusterHandles() throws Exception {
        assertThat(Files.readString(Path.of("../../docs/aws.md"))).contains(DOC_EXAMPLE.stripIndent());
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (provisioned, parent) -> {
            EksClusterHandles eks = provisioned.handles(EksClusterHandles.class);
            var role = new Role("reports-role", RoleArgs.builder().assumeRolePolicy(TrustPolicies.podIdentity()).build(),
                    CustomResourceOptions.builder().provider(eks.awsProvider()).build());
            new PodIdentityAssociation("reports", PodIdentityAssociationArgs.builder()
                    .clusterName(eks.clusterName()).namespace("reports").serviceAccount("reports").roleArn(role.arn()).build(),
                    CustomResourceOptions.builder().provider(eks.awsProvider()).dependsOn(eks.podIdentityAgent()).build());
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource association = run.get("aws:eks/podIdentityAssociation:PodIdentityAssociation", "reports");
        assertThat(association.input("clusterName")).isEqualTo("demo");
        assertThat(association.providerUrn()).isEqualTo(run.get("pulumi:providers:aws", "demo-aws").urn());
        assertThat(run.dependsOn(association, run.get("aws:eks/addon:Addon", "demo-eks-pod-identity-agent"))).isTrue();
    }
}
