package io.codezero.azure.cluster;

import com.pulumi.azurenative.managedidentity.ManagedidentityFunctions;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.managedidentity.inputs.GetUserAssignedIdentityArgs;
import com.pulumi.azurenative.managedidentity.outputs.GetUserAssignedIdentityResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import io.codezero.azure.AzureScope;
import io.codezero.azure.AzureTargetArgs;
import java.util.List;

/**
 * The user-assigned identity the AKS control plane runs as: created here ({@code <cluster>-control-plane}),
 * or an existing one ({@code controlPlaneIdentityId}), for instance one granted Network Contributor and
 * Key Vault Crypto User beforehand by someone allowed to assign roles.
 *
 * @param id          the identity's resource id, handed to the cluster
 * @param principalId its Entra ID object id: the principal of its role assignments. Chosen by Azure when
 *                    the identity is created and kept in the Pulumi state, it also makes the KMS vault's
 *                    global name unique ({@link io.codezero.azure.AksNames#keyVaultName})
 * @param resources   what was created here (empty for an adopted identity)
 */
public record ControlPlaneIdentity(Output<String> id, Output<String> principalId, List<Resource> resources) {

    static ControlPlaneIdentity of(AzureScope scope, AzureTargetArgs args, Output<String> group, List<Resource> after) {
        if (args.controlPlaneIdentityId().isPresent()) {
            String id = args.controlPlaneIdentityId().get();
            String[] parts = id.split("/");
            // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}
            Output<GetUserAssignedIdentityResult> existing = ManagedidentityFunctions.getUserAssignedIdentity(
                    GetUserAssignedIdentityArgs.builder().resourceGroupName(parts[4]).resourceName(parts[8]).build(),
                    InvokeOptions.builder().parent(scope.parent()).provider(scope.provider()).build());
            return new ControlPlaneIdentity(Output.of(id), existing.applyValue(GetUserAssignedIdentityResult::principalId), List.of());
        }
        var identity = new UserAssignedIdentity(scope.name("control-plane"), UserAssignedIdentityArgs.builder()
                .resourceGroupName(group)
                .resourceName(scope.clusterName() + "-control-plane")
                .location(args.location())
                .tags(scope.tags())
                .build(), scope.opts(after));
        return new ControlPlaneIdentity(identity.id(), identity.principalId(), List.of(identity));
    }
}
