package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.TOKEN;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import java.util.List;
import java.util.Optional;

/**
 * The token check: DigitalOcean accepts the API token and the account it belongs to is active. A refused token (401),
 * a token without {@code account:read} (403) or a locked or unverified account would stop the very first create, so
 * this is the first result; the account read here also carries the Droplet limit that {@link DropletLimit} compares with.
 */
final class AccountStatus {
    private final DoApi api;

    AccountStatus(DoApi api) {
        this.api = api;
    }

    /**
     * Adds the {@link DigitalOceanPreflight#TOKEN} result to {@code results}.
     *
     * @return the account ({@code GET /v2/account}), empty when it could not be read
     */
    Optional<JsonObject> check(List<CheckResult> results) {
        try {
            JsonObject account = api.get("/v2/account").getAsJsonObject("account");
            String status = text(account, "status");
            if (!"active".equals(status)) {
                results.add(CheckResult.fail(TOKEN, "The DigitalOcean account is " + status + " (" + text(account, "status_message").trim()
                        + "): resolve it in the control panel's billing or support pages before creating a cluster."));
            } else {
                results.add(CheckResult.pass(TOKEN, "token accepted; account " + text(account, "email") + " is active"));
            }
            return Optional.of(account);
        } catch (DoApiException e) {
            if (e.status() == 401) {
                results.add(CheckResult.fail(TOKEN, "DigitalOcean refused the API token (" + e.getMessage()
                        + "): create a token with read and write scopes in the control panel and export it as DIGITALOCEAN_TOKEN."));
            } else if (e.status() == 403) {
                results.add(CheckResult.fail(TOKEN, "The API token may not read the account (" + e.getMessage()
                        + "): give the token the account:read scope, or use a full-access token."));
            } else {
                results.add(CheckResult.unknown(TOKEN, "could not check the token: " + e.getMessage()));
            }
            return Optional.empty();
        }
    }
}
