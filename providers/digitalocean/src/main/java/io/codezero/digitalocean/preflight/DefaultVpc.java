package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.DEFAULT_VPC;
import static io.codezero.digitalocean.preflight.JsonFields.bool;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import java.util.List;
import java.util.Optional;

/**
 * The VPC this stack creates is not its region's default. The first VPC made in a region becomes its default, which
 * DigitalOcean never deletes (API specification, vpcs_create): a stack that creates the region's first VPC could never
 * be destroyed completely. An adopted VPC is never deleted by the stack, so it passes.
 */
final class DefaultVpc {
    private DefaultVpc() {
    }

    /** @param vpcs the account's VPCs ({@code GET /v2/vpcs}) */
    static CheckResult check(List<JsonObject> vpcs, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        if (args.adoptsVpc()) {
            return CheckResult.pass(DEFAULT_VPC, "the cluster uses the adopted VPC " + args.existingVpcId().orElseThrow() + "; no VPC is created");
        }
        Optional<JsonObject> own = vpcs.stream().filter(v -> VpcRanges.ours(v, spec, args, identity)).findFirst();
        if (own.isPresent() && bool(own.get(), "default")) {
            return CheckResult.fail(DEFAULT_VPC, "This stack's VPC " + text(own.get(), "name") + " is the default VPC of " + args.region()
                    + ", which DigitalOcean never deletes, so pulumi destroy would stop at it: make another VPC of the region its default "
                    + "(control panel, Networking, VPC), then run again.");
        }
        long inRegion = vpcs.stream().filter(v -> args.region().equals(text(v, "region"))).count();
        if (inRegion == 0) {
            return CheckResult.fail(DEFAULT_VPC, "The account has no VPC in " + args.region() + ", so the one this stack creates would become the "
                    + "region's default, which DigitalOcean never deletes (pulumi destroy would stop at it): create a VPC there first "
                    + "(doctl vpcs create --name default-" + args.region() + " --region " + args.region() + "), or adopt one with digitalocean.vpcId.");
        }
        return CheckResult.pass(DEFAULT_VPC, args.region() + " already has " + (own.isPresent() ? inRegion - 1 : inRegion)
                + " other VPC(s), so the one created is not the region's default and can be deleted");
    }
}
