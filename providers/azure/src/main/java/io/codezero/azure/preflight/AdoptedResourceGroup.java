package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.firstLine;
import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.core.exception.HttpResponseException;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;

/**
 * An adopted resource group ({@code adoptResourceGroup: true}) must exist: the target never
 * creates it, and every resource of the plan would fail with ResourceGroupNotFound.
 */
final class AdoptedResourceGroup {
    private final AzureClients clients;

    AdoptedResourceGroup(AzureClients clients) {
        this.clients = clients;
    }

    /** Made only with {@code adoptResourceGroup: true}. */
    CheckResult run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        String group = args.resourceGroupFor(spec.name());
        try {
            var found = clients.resources(subscriptionId).getResourceGroups().get(group);
            return CheckResult.pass("resource-group", "resource group " + group + " exists (" + found.location() + ")");
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return CheckResult.fail("resource-group", "resource group " + group + " does not exist in subscription " + subscriptionId
                        + ", and adoptResourceGroup: true means this target never creates it; create it first, fix azure.resourceGroup,"
                        + " or set adoptResourceGroup: false");
            }
            return CheckResult.unknown("resource-group", "could not read resource group " + group + " (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("resource-group", "could not read resource group " + group + " (" + firstLine(e) + ")");
        }
    }
}
