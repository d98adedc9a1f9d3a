package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.CLUSTER_RANGES;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Cidr;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.DoApiException;
import io.codezero.digitalocean.cluster.DeployedCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pod and service ranges of the account's other clusters: DigitalOcean refuses a cluster whose ranges overlap theirs.
 * This stack's own cluster (on a later up, or still being deleted after a destroy) is not another's.
 */
final class ClusterRanges {
    private ClusterRanges() {
    }

    /**
     * @param clusters        the account's Kubernetes clusters ({@code GET /v2/kubernetes/clusters})
     * @param inStacksProject whether a cluster id is in this stack's project (see {@link DeployedCluster#inStacksProject})
     */
    static CheckResult check(List<JsonObject> clusters, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity,
                             Predicate<String> inStacksProject) {
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("network.podCidr", spec.network().podCidr());
        ours.put("network.serviceCidr", spec.network().serviceCidr());
        if (!args.adoptsVpc()) {
            ours.put("network.vpcCidr", spec.network().vpcCidr());
        }
        List<String> clashes = new ArrayList<>();
        int others = 0;
        for (JsonObject cluster : clusters) {
            if (mayBeOwn(cluster, spec, args, identity, inStacksProject)) {
                continue; // this stack's own cluster, on a later up (or still being deleted after a destroy)
            }
            others++;
            for (String key : List.of("cluster_subnet", "service_subnet")) {
                Optional<Cidr> theirs = Cidr.parse(text(cluster, key));
                for (var entry : ours.entrySet()) {
                    Optional<Cidr> range = Cidr.parse(entry.getValue());
                    if (theirs.isPresent() && range.isPresent() && theirs.get().overlaps(range.get())) {
                        clashes.add(entry.getKey() + " " + entry.getValue() + " overlaps the " + (key.startsWith("cluster") ? "pod" : "service")
                                + " range " + text(cluster, key) + " of cluster " + text(cluster, "name") + " (" + text(cluster, "region") + ")");
                    }
                }
            }
        }
        if (clashes.isEmpty()) {
            return CheckResult.pass(CLUSTER_RANGES, "no range overlaps the pod or service ranges of the account's " + others + " other clusters");
        }
        return CheckResult.fail(CLUSTER_RANGES, String.join("; ", clashes)
                + ": DigitalOcean refuses a cluster whose ranges overlap another cluster's in the account, so choose other private ranges.");
    }

    private static boolean mayBeOwn(JsonObject cluster, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity,
                                    Predicate<String> inStacksProject) {
        try {
            return DeployedCluster.mayBeOwn(cluster, spec.name(), args.region(), identity, inStacksProject);
        } catch (DoApiException e) {
            return false; // the project could not be read: count the cluster as another's, which can only fail safe
        }
    }
}
