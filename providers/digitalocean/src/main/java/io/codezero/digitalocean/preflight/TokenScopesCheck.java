package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.TOKEN_SCOPES;

import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.TokenScopes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the token may make every read the other checks made, so it runs last. A 403 on any read is a scope the
 * token lacks, not an unknown: the provider reads back every resource it creates, so {@code pulumi up} would stop
 * part-way. DigitalOcean has no call that lists a token's scopes, so the write scopes can only be listed
 * (docs/digitalocean.md, "Token scopes"), not tried.
 */
final class TokenScopesCheck {
    private final DoApi api;

    /** @param api the client every other check read through: it remembers the paths DigitalOcean answered 403 */
    TokenScopesCheck(DoApi api) {
        this.api = api;
    }

    /** @param results the other checks' results: an UNKNOWN among them leaves the scopes unknown when no read was refused */
    CheckResult check(List<CheckResult> results) {
        Set<String> forbidden = new TreeSet<>(api.forbiddenPaths());
        if (forbidden.isEmpty() && results.stream().anyMatch(r -> r.status() == CheckStatus.UNKNOWN)) {
            return CheckResult.unknown(TOKEN_SCOPES, "not every read could be made, so the token's scopes are not known");
        }
        if (forbidden.isEmpty()) {
            return CheckResult.pass(TOKEN_SCOPES, "the token may make every read (a custom-scoped token also needs the write scopes: "
                    + String.join(", ", TokenScopes.all()) + ")");
        }
        Set<String> missing = new TreeSet<>();
        forbidden.forEach(path -> missing.add(TokenScopes.forGet(path).orElse("the scope of GET " + path)));
        return CheckResult.fail(TOKEN_SCOPES, "The API token lacks " + String.join(", ", missing) + " (DigitalOcean answered 403 to GET "
                + String.join(", ", forbidden) + "): give a custom-scoped token every scope a stack needs ("
                + String.join(", ", TokenScopes.all()) + "), or use a full-access token.");
    }
}
