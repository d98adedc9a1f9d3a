package io.codezero.gcp.preflight;

import com.google.gson.JsonElement;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.gcp.GcpTargetArgs;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names this target gives per cluster that Google Cloud keeps unique per project, not per region: the VPC
 * {@code <cluster>-vpc}, the webhook firewall rule and the node service account {@code <cluster>-nodes}. GKE keeps
 * cluster names unique per location only, so a stack for cluster {@code demo} in a second region of the same project
 * plans names the first one holds, and its first {@code up} fails on them half-way (after the KMS key ring, which can
 * never be deleted). Read from the VPC (Compute Engine v1 networks.get): one of that name whose subnets are all in
 * other regions belongs to another cluster of the same name. One with a subnet in this region is this stack's (a
 * later or an interrupted {@code up}); one with no subnet yet cannot be told apart, so it is only UNKNOWN.
 */
final class GlobalNames {
    private GlobalNames() {
    }

    static Optional<CheckResult> check(GoogleRest api, ClusterSpec spec, GcpTargetArgs args) {
        if (args.adoptsNetwork()) {
            return Optional.empty();
        }
        String vpc = spec.name() + "-vpc";
        GoogleRest.Response response = api.network(args.project(), vpc);
        if (response.status() == 404) {
            return Optional.of(CheckResult.pass("names", "network " + vpc + " is free in project " + args.project()));
        }
        if (!response.ok()) {
            return Optional.of(CheckResult.unknown("names", "could not read network " + vpc + " (" + response.error() + ")"));
        }
        Set<String> regions = new TreeSet<>();
        if (response.body().has("subnetworks") && response.body().get("subnetworks").isJsonArray()) {
            for (JsonElement subnet : response.body().getAsJsonArray("subnetworks")) {
                // .../projects/P/regions/R/subnetworks/S
                String[] parts = subnet.getAsString().split("/");
                for (int i = 0; i + 1 < parts.length; i++) {
                    if (parts[i].equals("regions")) {
                        regions.add(parts[i + 1]);
                    }
                }
            }
        }
        if (regions.contains(args.region())) {
            return Optional.of(CheckResult.pass("names", "network " + vpc + " already has a subnet in " + args.region() + ": this cluster's"));
        }
        if (regions.isEmpty()) {
            return Optional.of(CheckResult.unknown("names", "network " + vpc + " exists with no subnet: left by an interrupted up of this stack,"
                    + " or by another cluster named " + spec.name() + " in this project"));
        }
        return Optional.of(CheckResult.fail("names", "network " + vpc + " already exists in project " + args.project() + " with subnets in "
                + String.join(", ", regions) + ", not " + args.region() + ": another cluster named " + spec.name()
                + " holds this project's names (network, firewall rule, node service account are unique per project);"
                + " give this cluster another name, or use another project"));
    }
}
