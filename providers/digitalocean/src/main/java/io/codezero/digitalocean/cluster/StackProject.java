package io.codezero.digitalocean.cluster;

import com.google.gson.JsonObject;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.DoApi;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes clusters assigned to a stack's DigitalOcean project: the one it adopted ({@code project.id}), else the
 * one it created ({@code <cluster>-<stack>} with {@link StackIdentity#marker()} in its description). CodeZero puts its
 * cluster there, so a cluster made before clusters carried the stack's tag is recognised by sitting in it.
 */
public final class StackProject {
    private StackProject() {
    }

    /**
     * The ids of the clusters in the stack's project ({@code do:kubernetes:<id>} resources); empty when it has none or no project.
     * @param api the DigitalOcean API
     * @param clusterName the spec's cluster name
     * @param identity the Pulumi project and stack
     * @param adoptedProjectId the adopted project ({@code project.id}), if any
     * @return the cluster UUIDs
     */
    public static Set<String> clusterIds(DoApi api, String clusterName, StackIdentity identity, Optional<String> adoptedProjectId) {
        String projectName = identity.projectName(clusterName);
        Optional<String> projectId = adoptedProjectId.or(() -> api.list("/v2/projects", "projects").stream()
                .filter(p -> projectName.equals(text(p, "name")) && text(p, "description").contains(identity.marker()))
                .map(p -> text(p, "id")).findFirst());
        Set<String> ids = new LinkedHashSet<>();
        projectId.ifPresent(id -> {
            for (JsonObject resource : api.list("/v2/projects/" + id + "/resources", "resources")) {
                String urn = text(resource, "urn");
                if (urn.startsWith("do:kubernetes:")) {
                    ids.add(urn.substring("do:kubernetes:".length()));
                }
            }
        });
        return ids;
    }

    private static String text(JsonObject object, String key) {
        return object != null && object.has(key) && !object.get(key).isJsonNull() ? object.get(key).getAsString() : "";
    }
}
