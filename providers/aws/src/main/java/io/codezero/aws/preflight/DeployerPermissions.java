package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.cluster.ClusterCreator;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/**
 * Whether the identity running the first {@code up} may make the calls it makes, asked of IAM's policy
 * simulator ({@code iam:SimulatePrincipalPolicy}, which also weighs permissions boundaries and the
 * organization's SCPs). A least-privileged deployer otherwise learns of a missing permission half-way: the
 * classic ones are {@code iam:PassRole} of the cluster and node roles to EKS and of the Pod Identity roles to
 * {@code pods.eks.amazonaws.com}, {@code eks:CreateAccessEntry}, and {@code iam:CreateServiceLinkedRole} for
 * the EKS service-linked roles an account gets with its first cluster and first managed node group.
 */
final class DeployerPermissions {
    static final String CHECK = "deployer-permissions";

    /** Service-linked roles EKS creates on the caller's behalf with the account's first cluster / node group. */
    static final Map<String, String> SERVICE_LINKED_ROLES = Map.of(
            "AWSServiceRoleForAmazonEKS", "eks.amazonaws.com",
            "AWSServiceRoleForAmazonEKSNodegroup", "eks-nodegroup.amazonaws.com");

    private final AwsClients clients;

    DeployerPermissions(AwsClients clients) {
        this.clients = clients;
    }

    /** One action the first {@code up} calls, on a resource, with the condition keys IAM sees. */
    record Call(String action, String resource, Map<String, String> context) {
    }

    /**
     * The calls a first {@code up} makes that commonly fail for a least-privileged deployer.
     * @param partition e.g. {@code aws}
     * @param account the account id
     * @param spec the cluster
     * @param args the AWS settings
     * @param missingServiceLinkedRoles the service-linked roles that do not exist yet
     * @return the calls, in the order the up makes them
     */
    static List<Call> calls(String partition, String account, String region, ClusterSpec spec, AwsTargetArgs args,
                            List<String> missingServiceLinkedRoles) {
        String roles = "arn:" + partition + ":iam::" + account + ":role/*";
        String cluster = "arn:" + partition + ":eks:" + region + ":" + account + ":cluster/" + spec.name();
        String any = "*";
        List<Call> calls = new ArrayList<>();
        if (!args.adoptsNetwork()) {
            for (String a : List.of("ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateInternetGateway", "ec2:AllocateAddress",
                    "ec2:CreateNatGateway", "ec2:CreateRouteTable", "ec2:CreateTags")) {
                calls.add(new Call(a, any, Map.of()));
            }
        }
        if (args.kmsKeyArn().isEmpty()) {
            calls.add(new Call("kms:CreateKey", any, Map.of()));
            calls.add(new Call("kms:CreateAlias", any, Map.of()));
        }
        for (String a : List.of("iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:TagRole")) {
            calls.add(new Call(a, roles, Map.of()));
        }
        calls.add(new Call("logs:CreateLogGroup", "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:"
                + io.codezero.aws.cluster.EksCluster.controlPlaneLogGroup(spec.name()), Map.of()));
        calls.add(new Call("iam:PassRole", roles, Map.of("iam:PassedToService", "eks.amazonaws.com")));
        calls.add(new Call("iam:PassRole", roles, Map.of("iam:PassedToService", "pods.eks.amazonaws.com")));
        calls.add(new Call("eks:CreateCluster", cluster, Map.of()));
        calls.add(new Call("iam:CreateOpenIDConnectProvider", "arn:" + partition + ":iam::" + account + ":oidc-provider/*", Map.of()));
        calls.add(new Call("ec2:CreateLaunchTemplate", any, Map.of()));
        for (String a : List.of("eks:CreateNodegroup", "eks:CreateAddon", "eks:CreatePodIdentityAssociation", "eks:TagResource")) {
            calls.add(new Call(a, cluster, Map.of()));
        }
        if (!args.adminPrincipalArns().isEmpty()) {
            calls.add(new Call("eks:CreateAccessEntry", cluster, Map.of()));
            calls.add(new Call("eks:AssociateAccessPolicy", cluster, Map.of()));
        }
        for (String role : missingServiceLinkedRoles) {
            String service = SERVICE_LINKED_ROLES.get(role);
            calls.add(new Call("iam:CreateServiceLinkedRole", "arn:" + partition + ":iam::" + account + ":role/aws-service-role/"
                    + service + "/" + role, Map.of("iam:AWSServiceName", service)));
        }
        return calls;
    }

    /**
     * Runs the check for a cluster about to be created.
     * @param callerArn the caller's ARN as STS reports it
     * @param account its account
     * @param spec the cluster
     * @param args the AWS settings
     * @return the verdict
     */
    CheckResult run(String callerArn, String account, ClusterSpec spec, AwsTargetArgs args) {
        String partition = callerArn.split(":")[1];
        List<String> missing = new ArrayList<>();
        try {
            for (String role : SERVICE_LINKED_ROLES.keySet().stream().sorted().toList()) {
                try {
                    clients.iam().getRole(r -> r.roleName(role));
                } catch (NoSuchEntityException e) {
                    missing.add(role);
                }
            }
        } catch (SdkException e) {
            return CheckResult.unknown(CHECK, "could not look up EKS's service-linked roles (iam:GetRole: " + AwsPreflight.reason(e) + ")");
        }
        List<Call> calls = calls(partition, account, clients.region(), spec, args, missing);
        String principal;
        Map<Call, String> decisions = new LinkedHashMap<>();
        try {
            principal = principalArn(callerArn);
            // one simulation per resource and condition context, since the simulator applies both to every action it is given
            Map<List<Object>, List<Call>> groups = new LinkedHashMap<>();
            calls.forEach(c -> groups.computeIfAbsent(List.of(c.resource(), c.context()), k -> new ArrayList<>()).add(c));
            for (List<Call> group : groups.values()) {
                Call first = group.get(0);
                Map<String, Call> byAction = new LinkedHashMap<>();
                group.forEach(c -> byAction.put(c.action(), c));
                clients.iam().simulatePrincipalPolicyPaginator(r -> r
                                .policySourceArn(principal)
                                .actionNames(byAction.keySet())
                                .resourceArns(first.resource())
                                .contextEntries(first.context().entrySet().stream().map(e -> ContextEntry.builder().contextKeyName(e.getKey())
                                        .contextKeyType(ContextKeyTypeEnum.STRING).contextKeyValues(e.getValue()).build()).toList()))
                        .evaluationResults()
                        .forEach(result -> {
                            Call call = byAction.get(result.evalActionName());
                            if (call != null) {
                                decisions.put(call, result.evalDecisionAsString());
                            }
                        });
            }
        } catch (SdkException e) {
            return CheckResult.unknown(CHECK, "could not simulate the first up's IAM calls for " + ClusterCreator.principalOf(callerArn)
                    + " (iam:SimulatePrincipalPolicy: " + AwsPreflight.reason(e) + ")" + serviceLinkedNote(missing));
        }
        return verdict(principal, decisions, missing);
    }

    /** The caller as IAM names it: an assumed role's role ARN with its path (STS drops it), a user's ARN. */
    private String principalArn(String callerArn) {
        String principal = ClusterCreator.principalOf(callerArn);
        int role = principal.indexOf(":role/");
        if (role < 0) {
            return principal;
        }
        String name = principal.substring(principal.lastIndexOf('/') + 1);
        return clients.iam().getRole(r -> r.roleName(name)).role().arn();
    }

    private static String serviceLinkedNote(List<String> missing) {
        return missing.isEmpty() ? "" : "; service-linked role" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + " do" + (missing.size() == 1 ? "es" : "") + " not exist yet, so the first up also needs iam:CreateServiceLinkedRole for "
                + String.join(", ", missing.stream().map(SERVICE_LINKED_ROLES::get).toList());
    }

    /**
     * The verdict once IAM has evaluated each call.
     * @param principal the simulated principal
     * @param decisions each call's {@code EvalDecision}: allowed, explicitDeny or implicitDeny
     * @param missingServiceLinkedRoles service-linked roles the up will create
     * @return FAIL naming every denied action and resource, else PASS
     */
    static CheckResult verdict(String principal, Map<Call, String> decisions, List<String> missingServiceLinkedRoles) {
        List<String> denied = decisions.entrySet().stream()
                .filter(e -> !PolicyEvaluationDecisionType.ALLOWED.toString().equals(e.getValue()))
                .map(e -> e.getKey().action() + " on " + e.getKey().resource()
                        + (e.getKey().context().isEmpty() ? "" : " " + e.getKey().context()) + " (" + e.getValue() + ")")
                .distinct().toList();
        if (!denied.isEmpty()) {
            return CheckResult.fail(CHECK, principal + " may not make " + denied.size() + " of the first up's calls: " + String.join("; ", denied)
                    + "; grant them (an explicitDeny comes from a policy, permissions boundary or SCP and must be lifted there), or run as an identity that has them");
        }
        return CheckResult.pass(CHECK, principal + " may make the first up's " + decisions.size() + " checked calls"
                + (missingServiceLinkedRoles.isEmpty() ? "" : ", including creating " + String.join(", ", missingServiceLinkedRoles)));
    }
}
