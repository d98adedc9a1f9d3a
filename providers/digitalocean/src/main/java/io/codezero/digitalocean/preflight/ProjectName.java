package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.PROJECT;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import java.util.List;
import java.util.Optional;

/**
 * The project the cluster goes into. Project names are unique per account: a project of our name that this stack did
 * not make (no {@link StackIdentity#marker()} in its description) would stop the create. An adopted project
 * ({@code digitalocean.project.id}) must exist. What the stack's own project holds is {@link ProjectLeftovers}' check.
 */
final class ProjectName {
    private ProjectName() {
    }

    /** @param projects the account's projects ({@code GET /v2/projects}) */
    static CheckResult check(List<JsonObject> projects, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        if (args.existingProjectId().isPresent()) {
            String id = args.existingProjectId().get();
            return projects.stream().anyMatch(p -> id.equals(text(p, "id")))
                    ? CheckResult.pass(PROJECT, "project " + id + " (digitalocean.project.id) exists")
                    : CheckResult.fail(PROJECT, "Project " + id + " (digitalocean.project.id) does not exist in this account: use the id of one that does.");
        }
        String name = identity.projectName(spec.name());
        Optional<JsonObject> same = projects.stream().filter(p -> name.equals(text(p, "name"))).findFirst();
        if (same.isEmpty()) {
            return CheckResult.pass(PROJECT, "no project is named " + name + " yet");
        }
        if (text(same.get(), "description").contains(identity.marker())) {
            return CheckResult.pass(PROJECT, "project " + name + " is this stack's own");
        }
        return CheckResult.fail(PROJECT, "A project named " + name + " already exists (" + text(same.get(), "id") + ", not made by this stack) and "
                + "project names are unique per account: adopt it with digitalocean.project.id: " + text(same.get(), "id")
                + ", or rename or delete it.");
    }
}
