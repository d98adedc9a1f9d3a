package io.codezero.gcp.preflight;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Cidr;
import io.codezero.gcp.GcpTargetArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ranges of a live cluster's subnet, against the spec (Compute Engine v1 subnetworks.get of
 * {@code <cluster>-nodes}). Google only lets a subnet's primary range grow in place, and the pinned provider replaces
 * the subnet for any other change of it (terraform-provider-google-beta 5.0.0: CustomizeDiff
 * {@code ForceNewIfChange("ip_cidr_range", IsShrinkageIpCidr)}, true unless the new range holds the old one), which
 * cannot happen under a running cluster; a secondary range the cluster's pods or services use cannot change at all.
 * Neither is visible to a plan, which knows only the new values.
 */
final class LiveRanges {
    private LiveRanges() {
    }

    static List<CheckResult> check(GoogleRest api, ClusterSpec spec, GcpTargetArgs args) {
        if (args.adoptsNetwork()) {
            return List.of();
        }
        String name = spec.name() + "-nodes";
        GoogleRest.Response response = api.subnetwork(args.project(), args.region(), name);
        if (response.status() == 404) {
            return List.of();  // a new network: nothing to keep
        }
        if (!response.ok()) {
            return List.of(CheckResult.unknown("ranges", "could not read subnet " + name + " (" + response.error() + ") to compare its ranges"));
        }
        JsonObject subnet = response.body();
        List<CheckResult> results = new ArrayList<>();
        String live = subnet.has("ipCidrRange") ? subnet.get("ipCidrRange").getAsString() : "";
        Optional<Cidr> liveRange = Cidr.parse(live);
        Optional<Cidr> wanted = Cidr.parse(spec.network().vpcCidr());
        if (liveRange.isPresent() && wanted.isPresent() && !(wanted.get().network() <= liveRange.get().network()
                && wanted.get().lastAddress() >= liveRange.get().lastAddress())) {
            results.add(CheckResult.fail("ranges", "network.vpcCidr " + spec.network().vpcCidr() + " does not hold subnet " + name + "'s live range "
                    + live + ": Google only lets it grow, and the provider would replace the subnet under the running cluster;"
                    + " keep " + live + " or a larger range that contains it"));
        }
        if (subnet.has("secondaryIpRanges")) {
            for (JsonElement element : subnet.getAsJsonArray("secondaryIpRanges")) {
                JsonObject range = element.getAsJsonObject();
                String rangeName = range.get("rangeName").getAsString();
                String field = rangeName.equals(args.podRangeName()) ? "network.podCidr" : rangeName.equals(args.serviceRangeName()) ? "network.serviceCidr" : null;
                String want = rangeName.equals(args.podRangeName()) ? spec.network().podCidr() : spec.network().serviceCidr();
                String have = range.get("ipCidrRange").getAsString();
                if (field != null && !have.equals(want)) {
                    results.add(CheckResult.fail("ranges", field + " " + want + " differs from " + have + ", the live range '" + rangeName
                            + "' the cluster's " + (field.equals("network.podCidr") ? "pods" : "services") + " use; a range in use cannot change: set it back to " + have));
                }
            }
        }
        if (results.isEmpty()) {
            results.add(CheckResult.pass("ranges", "subnet " + name + " keeps its live ranges"));
        }
        return results;
    }
}
