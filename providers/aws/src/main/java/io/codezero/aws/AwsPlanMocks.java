package io.codezero.aws;

import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Teaches the offline plan how AWS answers: computed outputs of the resources this target
 * registers (ARNs, the cluster endpoint, CA and OIDC issuer, launch template versions) and the
 * data sources it invokes (partition, zones, add-on versions). Values are plausible and stable,
 * clearly fake (account 123456789012), and derived from names so two runs give the same plan.
 */
public final class AwsPlanMocks implements PlanMocksContributor {
    /** The fake AWS account ID every mocked ARN carries, so no plan output can be mistaken for a real account's. */
    public static final String ACCOUNT = "123456789012";
    private static final String DEFAULT_REGION = "us-east-1";

    /** The region of the last AWS provider registered: the cluster's own provider comes first. */
    private volatile String region = DEFAULT_REGION;

    /**
     * Plan mocks with only the AWS answers, for tests of this module.
     * @return a fresh mock set answering for the AWS resources and data sources a cluster uses
     */
    public static PlanMocks create() {
        PlanMocks mocks = new PlanMocks();
        new AwsPlanMocks().contribute(mocks);
        return mocks;
    }

    @Override
    public void contribute(PlanMocks mocks) {
        mocks.outputs("pulumi:providers:aws", args -> {
            region = Objects.toString(args.inputs.get("region"), DEFAULT_REGION);
            return Map.of();
        });
        mocks.outputs("aws:eks/cluster:Cluster", args -> {
            String name = Objects.toString(args.inputs.get("name"), args.name);
            String id = hex(name, 32);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("arn", "arn:aws:eks:" + region + ":" + ACCOUNT + ":cluster/" + name);
            out.put("endpoint", "https://" + id + ".gr7." + region + ".eks.amazonaws.com");
            out.put("certificateAuthority", Map.of("data",
                    Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\nplan-" + id + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8))));
            out.put("identities", List.of(Map.of("oidcs", List.of(Map.of("issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + id)))));
            Map<String, Object> vpcConfig = new LinkedHashMap<>();
            if (args.inputs.get("vpcConfig") instanceof Map<?, ?> given) {
                given.forEach((k, v) -> vpcConfig.put(String.valueOf(k), v));
            }
            vpcConfig.put("clusterSecurityGroupId", "sg-" + hex(name + "-cluster", 17));
            vpcConfig.put("vpcId", "vpc-" + hex(name + "-vpc", 17));
            out.put("vpcConfig", vpcConfig);
            out.put("status", "ACTIVE");
            out.put("platformVersion", "eks.1");
            return out;
        });
        mocks.outputs("aws:iam/role:Role", args -> Map.of(
                "arn", "arn:aws:iam::" + ACCOUNT + ":role/" + args.name,
                "name", args.name,
                "uniqueId", "AROA" + hex(args.name, 16).toUpperCase()));
        mocks.outputs("aws:iam/openIdConnectProvider:OpenIdConnectProvider", args -> Map.of(
                "arn", "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + String.valueOf(args.inputs.get("url")).replaceFirst("^https://", "")));
        mocks.outputs("aws:kms/key:Key", args -> {
            String keyId = uuid(args.name);
            return Map.of("keyId", keyId, "arn", "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + keyId);
        });
        mocks.outputs("aws:ec2/launchTemplate:LaunchTemplate", args -> Map.of(
                "latestVersion", 1,
                "defaultVersion", 1,
                "arn", "arn:aws:ec2:" + region + ":" + ACCOUNT + ":launch-template/lt-" + hex(args.name, 17)));
        mocks.outputs("aws:eks/nodeGroup:NodeGroup", args -> Map.of(
                "arn", "arn:aws:eks:" + region + ":" + ACCOUNT + ":nodegroup/" + args.inputs.get("clusterName") + "/" + args.inputs.get("nodeGroupName") + "/" + uuid(args.name),
                "status", "ACTIVE"));
        mocks.outputs("aws:eks/addon:Addon", args -> Map.of(
                "arn", "arn:aws:eks:" + region + ":" + ACCOUNT + ":addon/" + args.inputs.get("clusterName") + "/" + args.inputs.get("addonName") + "/" + uuid(args.name)));
        mocks.outputs("aws:cloudwatch/logGroup:LogGroup", args -> Map.of(
                "arn", "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + args.inputs.get("name")));
        mocks.outputs("aws:eks/accessEntry:AccessEntry", args -> Map.of(
                "accessEntryArn", "arn:aws:eks:" + region + ":" + ACCOUNT + ":access-entry/" + uuid(args.name)));

        mocks.invoke("aws:index/getPartition:getPartition", call -> Map.of(
                "partition", "aws", "dnsSuffix", "amazonaws.com", "id", "aws", "reverseDnsPrefix", "com.amazonaws"));
        mocks.invoke("aws:index/getRegion:getRegion", call -> Map.of(
                "name", region, "region", region, "id", region, "endpoint", "ec2." + region + ".amazonaws.com", "description", region));
        mocks.invoke("aws:index/getCallerIdentity:getCallerIdentity", call -> Map.of(
                "accountId", ACCOUNT, "arn", "arn:aws:iam::" + ACCOUNT + ":user/plan", "id", ACCOUNT, "userId", "AIDAPLAN"));
        mocks.invoke("aws:index/getAvailabilityZones:getAvailabilityZones", call -> {
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (char zone = 'a'; zone <= 'd'; zone++) {
                names.add(region + zone);
                ids.add(region.replace("-", "").substring(0, Math.min(4, region.length())) + "-az" + (zone - 'a' + 1));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", region);
            out.put("names", names);
            out.put("zoneIds", ids);
            out.put("groupNames", List.of(region));
            out.put("state", "available");
            return out;
        });
        mocks.invoke("aws:eks/getAddonVersion:getAddonVersion", call -> {
            Object k8s = call.args.get("kubernetesVersion");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("addonName", call.args.get("addonName"));
            out.put("kubernetesVersion", k8s);
            out.put("id", call.args.get("addonName"));
            out.put("mostRecent", false);
            // the real value is EKS's default for this Kubernetes version, known only at deploy time
            out.put("version", "eks-default-for-" + k8s);
            return out;
        });
    }

    private static String hex(String seed, int length) {
        StringBuilder out = new StringBuilder();
        int h = seed.hashCode();
        while (out.length() < length) {
            h = h * 31 + 17;
            out.append(String.format("%08x", h));
        }
        return out.substring(0, length);
    }

    private static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
