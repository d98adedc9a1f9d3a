package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.JsonFields.array;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is in this stack's own DigitalOcean project besides its cluster. DigitalOcean deletes a project only when nothing
 * is assigned to it (API specification, {@code projects_delete}: 412 otherwise), and the provider retries that delete
 * for its 3-minute delete timeout only ({@code resource_project.go}), so anything else in the project stops
 * {@code pulumi destroy} at the project. At destroy no program runs, so the preflight says it on the {@code up} before:
 * a volume or load balancer left by an earlier cluster of the stack (a destroy that stopped at the project, then a
 * re-create), a reserved IP or Droplet someone put there. What the running cluster itself made through Kubernetes
 * (its load balancers and volumes, as {@code GET /v2/kubernetes/clusters/{id}/destroy_with_associated_resources}
 * lists them) and its nodes are the cluster's: the destroy order deletes those Services and claims first. Volume
 * snapshots are not among the specification's project resource types, so they never hold the project.
 */
final class ProjectLeftovers {
    private final DoApi api;

    ProjectLeftovers(DoApi api) {
        this.api = api;
    }

    /**
     * @param projects the account's projects ({@code GET /v2/projects})
     * @param own      this stack's running cluster, as the cluster list reports it, if any
     */
    CheckResult check(List<JsonObject> projects, Optional<JsonObject> own, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        String check = DigitalOceanPreflight.PROJECT_RESOURCES;
        if (args.existingProjectId().isPresent()) {
            return CheckResult.pass(check, "the adopted project " + args.existingProjectId().get() + " is not deleted by pulumi destroy");
        }
        String name = identity.projectName(spec.name());
        Optional<JsonObject> project = projects.stream()
                .filter(p -> name.equals(text(p, "name")) && text(p, "description").contains(identity.marker())).findFirst();
        if (project.isEmpty()) {
            return CheckResult.pass(check, "project " + name + " is created empty");
        }
        String projectId = text(project.get(), "id");
        List<JsonObject> resources;
        Set<String> clusters;
        try {
            resources = api.list("/v2/projects/" + projectId + "/resources", "resources");
            clusters = own.map(this::clusterMade).orElseGet(Set::of);
        } catch (DoApiException e) {
            return CheckResult.unknown(check, "could not list what project " + name + " holds: " + e.getMessage());
        }
        List<String> leftovers = new ArrayList<>();
        int clustersOwn = 0;
        for (JsonObject resource : resources) {
            String urn = text(resource, "urn");
            if (urn.isEmpty() || "not_found".equals(text(resource, "status"))) {
                continue;
            }
            if (clusters.contains(urn)) {
                clustersOwn++;
            } else {
                leftovers.add(urn + " (" + removal(urn) + ")");
            }
        }
        if (leftovers.isEmpty()) {
            return CheckResult.pass(check, "project " + name + " holds only this stack's cluster" + (clustersOwn > 1
                    ? " and " + (clustersOwn - 1) + " resources it made (deleted through Kubernetes before the cluster at destroy; volumes of "
                    + "StatefulSet claim templates are kept by Kubernetes and would stop the project's delete)" : ""));
        }
        return CheckResult.fail(check, "Project " + name + " (" + projectId + ", this stack's own) holds " + String.join(", ", leftovers)
                + (own.isPresent() ? ", not made by this stack's running cluster" : ", left from an earlier cluster of this stack or put there by hand")
                + ": DigitalOcean deletes a project only when it is empty, so pulumi destroy would stop at it; delete each as shown, or move it "
                + "to another project (doctl projects resources assign <project-id> --resource=<urn>), then run again.");
    }

    /** The running cluster's URN, its nodes' Droplets, and the load balancers and volumes it made through Kubernetes. */
    private Set<String> clusterMade(JsonObject cluster) {
        Set<String> urns = new LinkedHashSet<>();
        String id = text(cluster, "id");
        urns.add("do:kubernetes:" + id);
        for (JsonElement pool : array(cluster, "node_pools")) {
            for (JsonElement node : array(pool.getAsJsonObject(), "nodes")) {
                String droplet = text(node.getAsJsonObject(), "droplet_id");
                if (!droplet.isEmpty()) {
                    urns.add("do:droplet:" + droplet);
                }
            }
        }
        JsonObject associated = api.get("/v2/kubernetes/clusters/" + id + "/destroy_with_associated_resources");
        for (JsonElement lb : array(associated, "load_balancers")) {
            urns.add("do:loadbalancer:" + text(lb.getAsJsonObject(), "id"));
        }
        for (JsonElement volume : array(associated, "volumes")) {
            urns.add("do:volume:" + text(volume.getAsJsonObject(), "id"));
        }
        return urns;
    }

    /** How to delete what a URN names (the API specification's project resource types), as one doctl command. */
    static String removal(String urn) {
        String[] parts = urn.split(":", 3);
        String type = parts.length > 1 ? parts[1] : "";
        String id = parts.length > 2 ? parts[2] : "";
        return switch (type) {
            case "volume" -> "doctl compute volume delete " + id;
            case "loadbalancer" -> "doctl compute load-balancer delete " + id;
            case "floatingip" -> "a reserved IP: doctl compute reserved-ip delete " + id;
            case "droplet" -> "doctl compute droplet delete " + id;
            case "kubernetes" -> "doctl kubernetes cluster delete " + id;
            case "dbaas" -> "doctl databases delete " + id;
            case "domain" -> "doctl compute domain delete " + id;
            default -> "delete it in the control panel";
        };
    }
}
