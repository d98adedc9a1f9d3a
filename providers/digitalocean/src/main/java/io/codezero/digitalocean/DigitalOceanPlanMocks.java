package io.codezero.digitalocean;

import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.digitalocean.resources.GetKubernetesVersions;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.Vpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Teaches the offline plan how DigitalOcean answers: UUIDs, URNs, the cluster endpoint and
 * kubeConfigs (with a clearly fake token), node counts, and the newest version slug of a minor.
 * Values are stable and derived from names, so two runs give the same plan.
 */
public final class DigitalOceanPlanMocks implements PlanMocksContributor {
    /** The DOKS revision the plan pretends is newest for every minor. */
    public static final String PLAN_PATCH = ".0-do.0";

    /**
     * Plan mocks with only the DigitalOcean answers, for tests of this module.
     * @return a fresh mock set answering for the Vpc, Project, cluster and node-pool resources
     */
    public static PlanMocks create() {
        PlanMocks mocks = new PlanMocks();
        new DigitalOceanPlanMocks().contribute(mocks);
        return mocks;
    }

    @Override
    public void contribute(PlanMocks mocks) {
        mocks.outputs(Vpc.TYPE, args -> Map.of(
                "vpcUrn", "do:vpc:" + uuid(args.name),
                "default", false,
                "createdAt", "2026-01-01T00:00:00Z"));
        mocks.outputs(Project.TYPE, args -> Map.of(
                "ownerUuid", uuid("owner"),
                "isDefault", false));
        // DigitalOcean's ids are UUIDs (the API refuses others): the cluster's too, so a real API can be asked about it
        mocks.ids(KubernetesCluster.TYPE, args -> uuid(args.name + "-id"));
        mocks.outputs(KubernetesCluster.TYPE, args -> {
            String id = uuid(args.name + "-id");
            String endpoint = "https://" + id + ".k8s.ondigitalocean.com";
            Map<String, Object> kubeConfig = new LinkedHashMap<>();
            kubeConfig.put("host", endpoint);
            kubeConfig.put("clusterCaCertificate", Base64.getEncoder().encodeToString(
                    ("-----BEGIN CERTIFICATE-----\nplan-" + id + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8)));
            kubeConfig.put("token", "plan-token-never-used");
            kubeConfig.put("expiresAt", "2026-01-01T01:00:00Z");
            kubeConfig.put("rawConfig", "plan");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clusterUrn", "do:kubernetes:" + id);
            out.put("endpoint", endpoint);
            out.put("ipv4Address", "203.0.113.1");
            out.put("status", "running");
            out.put("kubeConfigs", List.of(kubeConfig));
            if (args.inputs.get("vpcUuid") == null) {
                out.put("vpcUuid", uuid("default-vpc"));
            }
            return out;
        });
        mocks.outputs(KubernetesNodePool.TYPE, args -> {
            Object count = args.inputs.get("nodeCount");
            int nodes = count instanceof Number n ? n.intValue() : 1;
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                list.add(Map.of("id", uuid(args.name + "-node-" + i), "name", args.inputs.get("name") + "-" + i, "status", "running"));
            }
            return Map.of("actualNodeCount", nodes, "nodes", list);
        });
        mocks.invoke(GetKubernetesVersions.TOKEN, call -> {
            String prefix = Objects.toString(call.args.get("versionPrefix"), "");
            String minor = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
            String latest = minor + PLAN_PATCH;
            return Map.of("id", "versions", "latestVersion", latest, "validVersions", List.of(latest), "versionPrefix", prefix);
        });
    }

    private static String uuid(String seed) {
        StringBuilder hex = new StringBuilder();
        int h = seed.hashCode();
        while (hex.length() < 32) {
            h = h * 31 + 17;
            hex.append(String.format("%08x", h));
        }
        String s = hex.substring(0, 32);
        return s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20) + "-" + s.substring(20);
    }
}
