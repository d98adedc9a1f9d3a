package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.FEATURES;
import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.VERSION;
import static io.codezero.digitalocean.preflight.JsonFields.array;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The Kubernetes version the cluster gets, from the versions {@code /v2/kubernetes/options} offers for new clusters:
 * the pinned slug or the plan's minor is offered, and that version supports what the plan turns on. The running
 * cluster of this stack keeps its version (and its features) while the program asks for the same one, so a version
 * DigitalOcean retired from the new-cluster list does not stop a later up that changes something else.
 */
final class VersionAndFeatures {
    private VersionAndFeatures() {
    }

    /**
     * Whether a cluster running {@code running} stays at it on this up: the program pins that very slug, or pins none
     * and names its minor (VersionChoice keeps the running slug then).
     */
    static boolean keepsRunning(String running, ClusterSpec spec, DigitalOceanTargetArgs args) {
        return args.versionSlug().map(running::equals).orElse(running.startsWith(spec.kubernetesVersion() + "."));
    }

    /** The pinned slug, or else a patch of the plan's minor, is offered for new clusters. */
    static CheckResult version(JsonObject options, ClusterSpec spec, DigitalOceanTargetArgs args, Optional<JsonObject> own) {
        Map<String, String> offered = new LinkedHashMap<>();
        for (JsonElement v : array(options, "versions")) {
            offered.put(text(v.getAsJsonObject(), "slug"), text(v.getAsJsonObject(), "kubernetes_version"));
        }
        // The running cluster's slug is kept (VersionChoice) while the program names its minor or pins that very slug:
        // nothing is created at it, so DigitalOcean retiring the patch (or, before its forced upgrade, the minor) from
        // the new-cluster list must not stop a later up that changes something else.
        String running = own.map(c -> text(c, "version")).orElse("");
        if (!running.isEmpty() && keepsRunning(running, spec, args)) {
            return CheckResult.pass(VERSION, "the running cluster keeps version " + running
                    + (offered.containsKey(running) ? "" : " (no longer offered for new clusters; upgrade when you choose)"));
        }
        if (args.versionSlug().isPresent()) {
            String slug = args.versionSlug().get();
            return offered.containsKey(slug)
                    ? CheckResult.pass(VERSION, "version " + slug + " is offered")
                    : CheckResult.fail(VERSION, "DOKS does not offer version " + slug + ": set digitalocean.versionSlug to one it offers ("
                    + String.join(", ", offered.keySet()) + ") or remove it to use the newest " + spec.kubernetesVersion() + ".x.");
        }
        String prefix = spec.kubernetesVersion() + ".";
        Optional<String> match = offered.entrySet().stream().filter(e -> e.getValue().startsWith(prefix)).map(Map.Entry::getKey).findFirst();
        return match.map(slug -> CheckResult.pass(VERSION, "Kubernetes " + spec.kubernetesVersion() + " is offered (" + slug + ")"))
                .orElseGet(() -> CheckResult.fail(VERSION, "DOKS offers no Kubernetes " + spec.kubernetesVersion() + ".x (it offers "
                        + String.join(", ", new LinkedHashSet<>(offered.values())) + "): set kubernetesVersion to an offered minor that CodeZero supports."));
    }

    /**
     * Each version lists its {@code supported_features} in {@code /v2/kubernetes/options}; a cluster created at a version
     * without {@code ha-control-plane}, {@code cluster-autoscaler} or {@code docr-integration} cannot have what the
     * plan turns on. A running cluster keeps its version and its features, so only a new cluster (or a new slug) is checked.
     */
    static CheckResult features(JsonObject options, ClusterSpec spec, DigitalOceanTargetArgs args, Optional<JsonObject> own) {
        String running = own.map(c -> text(c, "version")).orElse("");
        if (!running.isEmpty() && keepsRunning(running, spec, args)) {
            return CheckResult.pass(FEATURES, "the running cluster keeps version " + running + " and its features");
        }
        String prefix = spec.kubernetesVersion() + ".";
        Optional<JsonObject> version = StreamSupport.stream(array(options, "versions").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(v -> args.versionSlug().map(slug -> slug.equals(text(v, "slug"))).orElse(text(v, "kubernetes_version").startsWith(prefix)))
                .findFirst();
        if (version.isEmpty()) {
            return CheckResult.unknown(FEATURES, "the version is not offered (see the version check), so its features are unknown");
        }
        Set<String> supported = new LinkedHashSet<>();
        array(version.get(), "supported_features").forEach(f -> supported.add(f.getAsString()));
        Map<String, String> needed = new LinkedHashMap<>();
        if (args.highAvailability()) {
            needed.put("ha-control-plane", "digitalocean.highAvailability: true");
        }
        if (spec.nodePoolsOrDefault().stream().anyMatch(p -> p.minNodes() != p.maxNodes())) {
            needed.put("cluster-autoscaler", "a pool with minNodes < maxNodes");
        }
        if (args.registryIntegration()) {
            needed.put("docr-integration", "digitalocean.registryIntegration: true");
        }
        List<String> missing = needed.entrySet().stream().filter(e -> !supported.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        String slug = text(version.get(), "slug");
        if (missing.isEmpty()) {
            return CheckResult.pass(FEATURES, slug + " supports " + (needed.isEmpty() ? "what the plan needs" : String.join(", ", needed.keySet())));
        }
        return CheckResult.fail(FEATURES, "DOKS " + slug + " does not support " + String.join(", ", missing)
                + ": choose a version that does (its supported_features in GET /v2/kubernetes/options), or turn the setting off.");
    }
}
