package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.firstLine;
import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.core.exception.HttpResponseException;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;

/**
 * An adopted subnet (azure.vnet.subnetId) must exist, since the target never creates it, and carry the
 * egress its outbound type needs: a NAT gateway for userAssignedNATGateway, its own route table for
 * userDefinedRouting (Subnets - Get). The subnet may live in another subscription and resource group,
 * which its id names.
 */
final class AdoptedSubnet {
    private final AzureClients clients;

    AdoptedSubnet(AzureClients clients) {
        this.clients = clients;
    }

    /** Made only when the cluster adopts a network. */
    CheckResult run(AzureTargetArgs args) {
        String id = args.existingSubnetId().orElseThrow();
        String[] parts = id.split("/");
        // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}
        String subscription = parts[2];
        String group = parts[4];
        String vnet = parts[8];
        String subnet = parts[10];
        try {
            SubnetInner found = clients.network(subscription).getSubnets().get(group, vnet, subnet);
            if ("userAssignedNATGateway".equals(args.effectiveOutboundType()) && found.natGateway() == null) {
                return CheckResult.fail("subnet", "subnet " + subnet + " of " + vnet + " has no NAT gateway, but egress is set to userAssignedNATGateway; "
                        + "attach a NAT gateway to it, or set azure.vnet.outboundType to userDefinedRouting (a route table to your firewall) or loadBalancer");
            }
            // AKS validates a userDefinedRouting cluster's egress at create: the subnet's own route table, whose 0.0.0.0/0
            // route sends traffic to the firewall (Azure/AKS#1842); without one, nodes would have no way out at all
            if ("userDefinedRouting".equals(args.effectiveOutboundType()) && (found.routeTable() == null || found.routeTable().id() == null)) {
                return CheckResult.fail("subnet", "subnet " + subnet + " of " + vnet + " has no route table, but egress is set to userDefinedRouting,"
                        + " which AKS requires to be the subnet's route table with a 0.0.0.0/0 route to your firewall or network appliance;"
                        + " associate that route table with the subnet, or set azure.vnet.outboundType to userAssignedNATGateway or loadBalancer");
            }
            return CheckResult.pass("subnet", "subnet " + subnet + " of " + vnet + " exists (" + found.addressPrefix() + ")"
                    + ("userDefinedRouting".equals(args.effectiveOutboundType()) ? " with route table " + found.routeTable().id() : ""));
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return CheckResult.fail("subnet", "subnet " + subnet + " of virtual network " + vnet + " in resource group " + group
                        + " does not exist; fix azure.vnet.subnetId or create the subnet first");
            }
            return CheckResult.unknown("subnet", "could not read subnet " + subnet + " (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("subnet", "could not read subnet " + subnet + " (" + firstLine(e) + ")");
        }
    }
}
