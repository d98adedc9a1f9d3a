package io.codezero.aws.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployer's permissions for a first {@code up}: the service-linked roles it will create, looked up in a
 * real IAM emulator (moto server, which has no policy simulator), and the verdict on IAM's decisions.
 */
class DeployerPermissionsTest extends AgainstMoto {
    private static ClusterSpec spec() {
        return ClusterSpec.builder("demo")
                .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, 2, 5).build())
                .build();
    }

    private List<CheckResult> permissions(String region) {
        PreflightReport report = new AwsPreflight(moto.clients(region)).run(spec(), AwsTargetArgs.builder().region(region).build());
        return report.results().stream().filter(r -> r.check().equals(DeployerPermissions.CHECK)).toList();
    }

    @Test
    void aFreshAccountsFirstUpNamesTheServiceLinkedRolesItCreatesAndIsUnknownWhereIamCannotBeSimulated() {
        List<CheckResult> fresh = permissions("eu-west-1");
        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(fresh.get(0).message()).contains("iam:SimulatePrincipalPolicy")
                .contains("service-linked roles AWSServiceRoleForAmazonEKS, AWSServiceRoleForAmazonEKSNodegroup do not exist yet")
                .contains("iam:CreateServiceLinkedRole for eks.amazonaws.com, eks-nodegroup.amazonaws.com");
        // once the account has them (as AWS names and places them), the first up creates none
        try (var clients = moto.clients("eu-west-1")) {
            for (var slr : Map.of("AWSServiceRoleForAmazonEKS", "eks.amazonaws.com",
                    "AWSServiceRoleForAmazonEKSNodegroup", "eks-nodegroup.amazonaws.com").entrySet()) {
                clients.iam().createRole(r -> r.roleName(slr.getKey()).path("/aws-service-role/" + slr.getValue() + "/")
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                + "\"Principal\":{\"Service\":\"" + slr.getValue() + "\"}}]}"));
            }
            assertThat(permissions("eu-west-1").get(0).message()).doesNotContain("service-linked");
            // a later up (the cluster exists) makes none of these calls
            clients.eks().createCluster(r -> r.name("demo").version("1.34").roleArn("arn:aws:iam::123456789012:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")));
            assertThat(permissions("eu-west-1")).isEmpty();
        }
    }

    @Test
    void theFirstUpsCallsPassItsRolesToEksAndPodIdentityAndCreateMissingServiceLinkedRoles() {
        var calls = DeployerPermissions.calls("aws", "123456789012", "eu-west-1", spec(),
                AwsTargetArgs.builder().region("eu-west-1").adminPrincipalArns(List.of("arn:aws:iam::123456789012:role/ops")).build(),
                List.of("AWSServiceRoleForAmazonEKSNodegroup"));
        assertThat(calls).contains(
                new DeployerPermissions.Call("iam:PassRole", "arn:aws:iam::123456789012:role/*", Map.of("iam:PassedToService", "eks.amazonaws.com")),
                new DeployerPermissions.Call("iam:PassRole", "arn:aws:iam::123456789012:role/*", Map.of("iam:PassedToService", "pods.eks.amazonaws.com")),
                new DeployerPermissions.Call("eks:CreateCluster", "arn:aws:eks:eu-west-1:123456789012:cluster/demo", Map.of()),
                new DeployerPermissions.Call("eks:CreateAccessEntry", "arn:aws:eks:eu-west-1:123456789012:cluster/demo", Map.of()),
                new DeployerPermissions.Call("iam:CreateServiceLinkedRole",
                        "arn:aws:iam::123456789012:role/aws-service-role/eks-nodegroup.amazonaws.com/AWSServiceRoleForAmazonEKSNodegroup",
                        Map.of("iam:AWSServiceName", "eks-nodegroup.amazonaws.com")));
        assertThat(calls).extracting(DeployerPermissions.Call::action).doesNotContain("iam:CreateServiceLinkedRole:eks.amazonaws.com");
        // no admins listed: no access entries to create; an adopted VPC: no network calls
        var fewer = DeployerPermissions.calls("aws", "123456789012", "eu-west-1", spec(), AwsTargetArgs.builder().region("eu-west-1")
                .existingVpcId("vpc-0123456789abcdef0").existingPrivateSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"))
                .build(), List.of());
        assertThat(fewer).extracting(DeployerPermissions.Call::action)
                .doesNotContain("eks:CreateAccessEntry", "ec2:CreateVpc", "ec2:AllocateAddress", "iam:CreateServiceLinkedRole");
    }

    @Test
    void aDeniedCallFailsNamingEachOneAndWhereAnExplicitDenyComesFrom() {
        var pass = new DeployerPermissions.Call("iam:PassRole", "arn:aws:iam::123456789012:role/*", Map.of("iam:PassedToService", "eks.amazonaws.com"));
        var slr = new DeployerPermissions.Call("iam:CreateServiceLinkedRole",
                "arn:aws:iam::123456789012:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS", Map.of("iam:AWSServiceName", "eks.amazonaws.com"));
        var create = new DeployerPermissions.Call("eks:CreateCluster", "arn:aws:eks:eu-west-1:123456789012:cluster/demo", Map.of());
        Map<DeployerPermissions.Call, String> decisions = new LinkedHashMap<>();
        decisions.put(create, "allowed");
        decisions.put(pass, "implicitDeny");
        decisions.put(slr, "explicitDeny");
        CheckResult verdict = DeployerPermissions.verdict("arn:aws:iam::123456789012:role/deployer", decisions, List.of("AWSServiceRoleForAmazonEKS"));
        assertThat(verdict.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(verdict.message()).startsWith("arn:aws:iam::123456789012:role/deployer may not make 2 of the first up's calls: ")
                .contains("iam:PassRole on arn:aws:iam::123456789012:role/* {iam:PassedToService=eks.amazonaws.com} (implicitDeny)")
                .contains("iam:CreateServiceLinkedRole on arn:aws:iam::123456789012:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS")
                .contains("permissions boundary or SCP")
                .doesNotContain("eks:CreateCluster");
        decisions.put(pass, "allowed");
        decisions.put(slr, "allowed");
        assertThat(DeployerPermissions.verdict("arn:aws:iam::123456789012:role/deployer", decisions, List.of("AWSServiceRoleForAmazonEKS")).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anAdminPrincipalThatDoesNotExistFailsBeforeEksRefusesItsAccessEntry() {
        try (var clients = moto.clients("us-west-2")) {
            clients.iam().createRole(r -> r.roleName("platform-admins").path("/teams/")
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
            clients.iam().createUser(r -> r.userName("ops"));
            var admins = new AdminPrincipals(clients);
            String account = clients.sts().getCallerIdentity().account();
            CheckResult ok = admins.run(account, List.of("arn:aws:iam::" + account + ":role/teams/platform-admins",
                    "arn:aws:iam::" + account + ":user/ops", "arn:aws:iam::210987654321:role/elsewhere")).get(0);
            assertThat(ok.status()).as(ok.message()).isEqualTo(CheckStatus.PASS);
            assertThat(ok.message()).contains("not checked, other accounts: arn:aws:iam::210987654321:role/elsewhere");
            // EKS takes a role's ARN with or without its path
            assertThat(admins.run(account, List.of("arn:aws:iam::" + account + ":role/platform-admins")).get(0).status())
                    .isEqualTo(CheckStatus.PASS);
            CheckResult bad = admins.run(account, List.of("arn:aws:iam::" + account + ":user/ops",
                    "arn:aws:iam::" + account + ":role/nobody")).get(0);
            assertThat(bad.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(bad.message()).startsWith("aws.adminPrincipalArns[1] arn:aws:iam::" + account + ":role/nobody: no such role;")
                    .contains("create it first or correct the ARN");
            assertThat(admins.run(account, List.of())).isEmpty();
        }
    }
}
