package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.REGISTRY;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;

/**
 * With {@code registryIntegration: true}, the account has a container registry to integrate. The provider enables
 * registry integration only after the cluster is created and running (v2.96.0 resourceDigitalOceanKubernetesClusterCreate,
 * then AddRegistry): without a registry the first up fails after the cluster is billed. {@code GET /v2/registry}
 * answers the registry, 412 when there are several, 404 when there is none.
 */
final class ContainerRegistry {
    private final DoApi api;

    ContainerRegistry(DoApi api) {
        this.api = api;
    }

    /** @param args the DigitalOcean settings: the region goes into the command that creates a registry */
    CheckResult check(DigitalOceanTargetArgs args) {
        try {
            JsonObject registry = api.get("/v2/registry").getAsJsonObject("registry");
            return CheckResult.pass(REGISTRY, "container registry " + text(registry, "name") + " exists for the cluster to pull from");
        } catch (DoApiException e) {
            if (e.status() == 412) {
                return CheckResult.pass(REGISTRY, "the account has several container registries");
            }
            if (e.status() == 404) {
                return CheckResult.fail(REGISTRY, "digitalocean.registryIntegration is true but the account has no container registry ("
                        + e.getMessage() + "): create one first (doctl registry create <name> --region " + args.region()
                        + "), or set registryIntegration: false; DigitalOcean would refuse the integration only after the cluster is created.");
            }
            return CheckResult.unknown(REGISTRY, "could not read the container registry: " + e.getMessage());
        }
    }
}
