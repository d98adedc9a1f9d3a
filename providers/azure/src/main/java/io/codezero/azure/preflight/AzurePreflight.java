package io.codezero.azure.preflight;

import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only checks against the Azure subscription before anything is created, so a deploy does not
 * fail half-way: credentials, subscription state, location, the resource providers registered, the
 * node resource group not taken, the Kubernetes version offered by AKS
 * there, every pool's VM size offered in the location's chosen zones and not restricted for the
 * subscription, the vCPU quota of each VM family (and of spot) for every pool at its maximum size,
 * and an adopted subnet. Each failure is one sentence saying what is wrong and what to do. A check
 * that cannot be made is reported as UNKNOWN, never as a pass. Each check is its own class in this
 * package; this one runs them in order and stops after a failure the later ones depend on.
 */
public final class AzurePreflight {
    private final Credentials credentials;
    /** Keeps the subscriptions it lists for the location check. */
    private final SubscriptionAndLocation subscriptionAndLocation;
    private final ResourceProviders resourceProviders;
    private final OfferedKubernetesVersion kubernetesVersion;
    private final VmSizes vmSizes;
    private final VcpuQuotas vcpuQuotas;
    private final SystemPoolChange systemPoolChange;
    private final NodeResourceGroup nodeResourceGroup;
    private final KeyVaultName keyVaultName;
    private final KubernetesUpgrade kubernetesUpgrade;
    private final ApiServerReachable apiServerReachable;
    private final AdoptedResourceGroup adoptedResourceGroup;
    private final AdoptedSubnet adoptedSubnet;
    private final RoleAssignmentRights roleAssignmentRights;
    private final GrantsMadeElsewhere grantsMadeElsewhere;
    private final AdminPrincipals adminPrincipals;

    /**
     * A preflight through these clients, reaching the API server on 443 and seeing this process's
     * environment (for its proxy variables).
     */
    public AzurePreflight(AzureClients clients) {
        this(clients, 443, System.getenv());
    }

    /**
     * @param apiServerPort the API server's port (AKS serves it on 443); tests point it at a loopback listener
     * @param environment the environment, for the proxy variables the Kubernetes provider honours
     */
    AzurePreflight(AzureClients clients, int apiServerPort, Map<String, String> environment) {
        this.credentials = new Credentials(clients);
        this.subscriptionAndLocation = new SubscriptionAndLocation(clients);
        this.resourceProviders = new ResourceProviders(clients);
        this.kubernetesVersion = new OfferedKubernetesVersion(clients);
        this.vmSizes = new VmSizes(clients);
        this.vcpuQuotas = new VcpuQuotas(clients);
        this.systemPoolChange = new SystemPoolChange(clients);
        this.nodeResourceGroup = new NodeResourceGroup(clients);
        this.keyVaultName = new KeyVaultName(clients);
        this.kubernetesUpgrade = new KubernetesUpgrade(clients);
        this.apiServerReachable = new ApiServerReachable(clients, apiServerPort, Map.copyOf(environment));
        this.adoptedResourceGroup = new AdoptedResourceGroup(clients);
        this.adoptedSubnet = new AdoptedSubnet(clients);
        this.roleAssignmentRights = new RoleAssignmentRights(clients);
        this.grantsMadeElsewhere = new GrantsMadeElsewhere(clients);
        this.adminPrincipals = new AdminPrincipals(clients);
    }

    /** A preflight with the default Azure credential of the target's tenant (azure.tenantId, when set). */
    public static AzurePreflight forArgs(AzureTargetArgs args) {
        return new AzurePreflight(AzureClients.forDefaultCredential(args.tenantId().orElse(null)));
    }

    /**
     * Runs every check that applies to this cluster and these settings, in a fixed order; stops when the
     * credentials or the subscription cannot be confirmed, or the location fails, since the later checks
     * read the subscription in that location.
     */
    public PreflightReport run(ClusterSpec spec, AzureTargetArgs args) {
        List<CheckResult> results = new ArrayList<>();
        CheckResult credentials = this.credentials.run();
        results.add(credentials);
        if (credentials.status() != CheckStatus.PASS) {
            return new PreflightReport("Azure", results);
        }
        List<String> chosen = new ArrayList<>();
        CheckResult subscription = subscriptionAndLocation.subscription(args, chosen);
        results.add(subscription);
        if (subscription.status() != CheckStatus.PASS) {
            return new PreflightReport("Azure", results);
        }
        String subscriptionId = chosen.get(0);
        CheckResult location = subscriptionAndLocation.location(subscriptionId, args.location());
        results.add(location);
        if (location.status() == CheckStatus.FAIL) {
            return new PreflightReport("Azure", results);
        }
        results.add(resourceProviders.run(subscriptionId, args));
        results.add(kubernetesVersion.run(subscriptionId, args, spec.kubernetesVersion()));
        Map<String, List<String>> poolsBySize = VmSizes.poolsBySize(spec, args);
        Map<String, ResourceSkuInner> skus = new LinkedHashMap<>();
        results.addAll(vmSizes.run(subscriptionId, args, poolsBySize, skus));
        if (!skus.isEmpty()) {
            results.addAll(vcpuQuotas.run(subscriptionId, spec, args, skus));
        }
        systemPoolChange.run(subscriptionId, spec, args).ifPresent(results::add);
        results.add(nodeResourceGroup.run(subscriptionId, spec, args));
        keyVaultName.run(subscriptionId, spec, args).ifPresent(results::add);
        kubernetesUpgrade.run(subscriptionId, spec, args).ifPresent(results::add);
        apiServerReachable.run(subscriptionId, spec, args).ifPresent(results::add);
        if (args.adoptResourceGroup()) {
            results.add(adoptedResourceGroup.run(subscriptionId, spec, args));
        }
        if (args.adoptsNetwork()) {
            results.add(adoptedSubnet.run(args));
        }
        if (args.createRoleAssignments()) {
            results.add(roleAssignmentRights.inResourceGroup(subscriptionId, spec, args));
            results.addAll(roleAssignmentRights.onAdoptedResources(args));
            results.addAll(grantsMadeElsewhere.run(spec, args));
            if (args.grantDeployerAdmin() && !args.adminPrincipalIds().isEmpty()) {
                results.add(adminPrincipals.run(args));
            }
        }
        return new PreflightReport("Azure", results);
    }

    /**
     * The resource providers whose resources this deployment creates, directly or through AKS; the
     * preflight fails while one of them is not registered on the subscription.
     * @param args the target's settings: the KMS vault and Container insights add their namespaces
     * @return the namespaces, in the order the deployment first needs them
     */
    public static List<String> requiredResourceProviders(AzureTargetArgs args) {
        return ResourceProviders.required(args);
    }
}
