package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.VPC_RANGES;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Cidr;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VPC the cluster uses, against the account's other VPCs: VPC names are unique per account, an adopted VPC
 * ({@code digitalocean.vpcId}) must exist in the cluster's region, and DigitalOcean ranges may not overlap within an
 * account, so neither the VPC's range nor the pod and service ranges may overlap another VPC. The VPC this stack
 * created on an earlier up is its own, not a collision.
 */
final class VpcRanges {
    private VpcRanges() {
    }

    /** Our own VPC from an earlier up: the name we give it, in our region, with our marker in its description. */
    static boolean ours(JsonObject vpc, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        return !args.adoptsVpc() && identity.vpcName(spec.name(), args.region()).equals(text(vpc, "name"))
                && args.region().equals(text(vpc, "region")) && text(vpc, "description").contains(identity.marker());
    }

    /** @param allVpcs the account's VPCs ({@code GET /v2/vpcs}) */
    static CheckResult check(List<JsonObject> allVpcs, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        // a later up finds the VPC this stack created: its range is ours, not a collision
        List<JsonObject> vpcs = allVpcs.stream().filter(v -> !ours(v, spec, args, identity)).toList();
        List<JsonObject> named = vpcs.stream().filter(v -> !args.adoptsVpc() && identity.vpcName(spec.name(), args.region()).equals(text(v, "name"))).toList();
        if (!named.isEmpty()) {
            return CheckResult.fail(VPC_RANGES, "A VPC named " + identity.vpcName(spec.name(), args.region()) + " already exists (" + text(named.get(0), "id")
                    + ", not made by this stack) and VPC names are unique per account: adopt it with digitalocean.vpcId, or delete or rename it.");
        }
        Map<String, String> ours = new LinkedHashMap<>();
        if (args.adoptsVpc()) {
            String id = args.existingVpcId().orElseThrow();
            Optional<JsonObject> adopted = vpcs.stream().filter(v -> id.equals(text(v, "id"))).findFirst();
            if (adopted.isEmpty()) {
                return CheckResult.fail(VPC_RANGES, "VPC " + id + " (digitalocean.vpcId) does not exist in this account: use the id of one that does.");
            }
            if (!args.region().equals(text(adopted.get(), "region"))) {
                return CheckResult.fail(VPC_RANGES, "VPC " + id + " is in " + text(adopted.get(), "region") + ", not " + args.region()
                        + ": adopt a VPC in the cluster's region or change digitalocean.region.");
            }
            ours.put("the adopted VPC " + id, text(adopted.get(), "ip_range"));
        } else {
            ours.put("network.vpcCidr", spec.network().vpcCidr());
        }
        ours.put("network.podCidr", spec.network().podCidr());
        ours.put("network.serviceCidr", spec.network().serviceCidr());
        List<String> clashes = new ArrayList<>();
        for (var entry : ours.entrySet()) {
            Optional<Cidr> range = Cidr.parse(entry.getValue());
            if (range.isEmpty()) {
                continue;
            }
            for (JsonObject vpc : vpcs) {
                if (args.existingVpcId().filter(id -> id.equals(text(vpc, "id"))).isPresent()) {
                    continue;
                }
                Optional<Cidr> existing = Cidr.parse(text(vpc, "ip_range"));
                if (existing.isPresent() && existing.get().overlaps(range.get())) {
                    clashes.add(entry.getKey() + " " + entry.getValue() + " overlaps VPC " + text(vpc, "name") + " (" + text(vpc, "ip_range")
                            + ", " + text(vpc, "region") + ")");
                }
            }
        }
        if (clashes.isEmpty()) {
            return CheckResult.pass(VPC_RANGES, "no range overlaps the account's " + vpcs.size() + " VPCs");
        }
        return CheckResult.fail(VPC_RANGES, String.join("; ", clashes)
                + ": DigitalOcean ranges may not overlap within an account, so choose free private ranges.");
    }
}
