package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.reason;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Every namespace of {@link #required} is {@code Registered} on the subscription (Providers - Get).
 * Registering is a subscription-wide action (each namespace's {@code register/action}, in Contributor
 * at the subscription), which a deployer scoped to one resource group cannot take.
 */
final class ResourceProviders {
    private final AzureClients clients;

    ResourceProviders(AzureClients clients) {
        this.clients = clients;
    }

    /**
     * The resource providers whose resources this deployment creates, directly or through AKS (which
     * creates scale sets, load balancers, public IPs, disks and the kubelet identity in the node resource
     * group of the same subscription). azure-native sends plain PUTs, which ARM refuses with
     * MissingSubscriptionRegistration in a subscription where the namespace is not registered; ARM
     * registers namespaces by itself only for template deployments and the portal.
     * @param args the target's settings: the KMS vault and Container insights add their namespaces
     * @return the namespaces, in the order the deployment first needs them
     */
    static List<String> required(AzureTargetArgs args) {
        List<String> namespaces = new ArrayList<>(List.of("Microsoft.Network", "Microsoft.ManagedIdentity", "Microsoft.ContainerService", "Microsoft.Compute"));
        if (args.secretsEncryption() == AzureTargetArgs.SecretsEncryption.KEY_VAULT && args.kmsKeyId().isEmpty()) {
            namespaces.add(1, "Microsoft.KeyVault");
        }
        if (args.logAnalyticsWorkspaceId().isPresent()) {
            namespaces.add("Microsoft.Insights");
        }
        return List.copyOf(namespaces);
    }

    /** @return FAIL naming the namespaces not registered, UNKNOWN when a registration cannot be read */
    CheckResult run(String subscriptionId, AzureTargetArgs args) {
        List<String> missing = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String namespace : required(args)) {
            try {
                String state = clients.resources(subscriptionId).getProviders().get(namespace).registrationState();
                if (!"Registered".equalsIgnoreCase(state)) {
                    missing.add(namespace + " (" + state + ")");
                }
            } catch (RuntimeException e) {
                unread.add(namespace + " (" + reason(e) + ")");
            }
        }
        String register = "; register " + (missing.size() == 1 ? "it" : "them") + " once per subscription (az provider register --namespace <name>,"
                + " which needs Contributor or Owner on the subscription) and wait until each is Registered";
        if (!missing.isEmpty()) {
            return CheckResult.fail("resource-providers", "subscription " + subscriptionId + " has not registered " + String.join(", ", missing)
                    + ", and Azure refuses every resource of an unregistered namespace (MissingSubscriptionRegistration)" + register);
        }
        if (!unread.isEmpty()) {
            return CheckResult.unknown("resource-providers", "could not read the registration of " + String.join(", ", unread)
                    + "; make sure they are Registered (az provider show --namespace <name>)");
        }
        return CheckResult.pass("resource-providers", "subscription " + subscriptionId + " has registered " + String.join(", ", required(args)));
    }
}
