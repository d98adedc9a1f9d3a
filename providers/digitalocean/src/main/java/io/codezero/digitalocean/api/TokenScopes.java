package io.codezero.digitalocean.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The DigitalOcean API calls a stack makes, with the custom token scope each needs. A custom-scoped token
 * that lacks one of them passes {@code pulumi preview} and fails part-way through {@code pulumi up} or
 * {@code destroy} (the provider reads back every resource it creates), so the preflight turns a 403 on
 * its own reads into a failure naming the scope, and the docs list every scope. The scope of each call
 * is the one DigitalOcean's OpenAPI specification names in the operation's {@code security}
 * ({@code TokenScopesTest} holds this table to it).
 */
public final class TokenScopes {
    /**
     * One API call.
     *
     * @param method   the HTTP method
     * @param template the path as the specification writes it, e.g. {@code /v2/vpcs/{vpc_id}}
     * @param scope    the custom scope the specification names for it
     * @param who      who makes it: the program, the preflight, the provider or the kubeconfig's token helper
     */
    public record Call(String method, String template, String scope, String who) {
        /**
         * Whether a concrete path (no query) is this call's template.
         * @param path a path such as {@code /v2/vpcs/5a4981aa-...}
         * @return true if it matches the template
         */
        public boolean matches(String path) {
            return Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")).matcher(path).matches();
        }
    }

    private static final String PROGRAM = "program and preflight";
    /** Marks the calls made only with {@code registryIntegration: true}; {@link #all()} leaves their scopes out. */
    public static final String WITH_REGISTRY = " (registryIntegration: true)";
    private static final String PROVIDER = "provider";

    /** Every call a stack's preview, up and destroy make, reads first (the ones the preflight can try). */
    public static final List<Call> CALLS = List.of(
            new Call("GET", "/v2/account", "account:read", PROGRAM),
            new Call("GET", "/v2/kubernetes/options", "kubernetes:read", PROGRAM),
            new Call("GET", "/v2/kubernetes/clusters", "kubernetes:read", PROGRAM),
            new Call("GET", "/v2/kubernetes/clusters/{cluster_id}", "kubernetes:read", PROGRAM),
            new Call("GET", "/v2/kubernetes/clusters/{cluster_id}/destroy_with_associated_resources", "kubernetes:read", PROGRAM),
            new Call("GET", "/v2/sizes", "sizes:read", PROGRAM),
            new Call("GET", "/v2/droplets", "droplet:read", PROGRAM),
            new Call("GET", "/v2/vpcs", "vpc:read", PROGRAM),
            new Call("GET", "/v2/vpcs/{vpc_id}", "vpc:read", PROGRAM),
            new Call("GET", "/v2/projects", "project:read", PROGRAM),
            new Call("GET", "/v2/projects/{project_id}/resources", "project:read", PROGRAM),
            new Call("GET", "/v2/kubernetes/clusters/{cluster_id}/credentials", "kubernetes:access_cluster", "codezero-doks-token"),
            new Call("GET", "/v2/kubernetes/clusters/{cluster_id}/kubeconfig", "kubernetes:access_cluster", PROVIDER),
            new Call("GET", "/v2/kubernetes/clusters/{cluster_id}/node_pools/{node_pool_id}", "kubernetes:read", PROVIDER),
            new Call("GET", "/v2/projects/{project_id}", "project:read", PROVIDER),
            new Call("POST", "/v2/vpcs", "vpc:create", PROVIDER),
            new Call("PUT", "/v2/vpcs/{vpc_id}", "vpc:update", PROVIDER),
            new Call("DELETE", "/v2/vpcs/{vpc_id}", "vpc:delete", PROVIDER),
            new Call("POST", "/v2/kubernetes/clusters", "kubernetes:create", PROVIDER),
            new Call("PUT", "/v2/kubernetes/clusters/{cluster_id}", "kubernetes:update", PROVIDER),
            new Call("POST", "/v2/kubernetes/clusters/{cluster_id}/upgrade", "kubernetes:update", PROVIDER),
            new Call("DELETE", "/v2/kubernetes/clusters/{cluster_id}", "kubernetes:delete", PROVIDER),
            new Call("POST", "/v2/kubernetes/clusters/{cluster_id}/node_pools", "kubernetes:update", PROVIDER),
            new Call("PUT", "/v2/kubernetes/clusters/{cluster_id}/node_pools/{node_pool_id}", "kubernetes:update", PROVIDER),
            new Call("DELETE", "/v2/kubernetes/clusters/{cluster_id}/node_pools/{node_pool_id}", "kubernetes:update", PROVIDER),
            new Call("POST", "/v2/projects", "project:create", PROVIDER),
            new Call("PATCH", "/v2/projects/{project_id}", "project:update", PROVIDER),
            new Call("DELETE", "/v2/projects/{project_id}", "project:delete", PROVIDER),
            new Call("POST", "/v2/projects/{project_id}/resources", "project:assign_resource", PROVIDER),
            new Call("GET", "/v2/registry", "registry:read", PROGRAM + WITH_REGISTRY),
            new Call("POST", "/v2/kubernetes/registry", "kubernetes:create", PROVIDER + WITH_REGISTRY),
            new Call("DELETE", "/v2/kubernetes/registry", "kubernetes:update", PROVIDER + WITH_REGISTRY));

    private TokenScopes() {
    }

    /**
     * The scope a GET of {@code path} needs.
     * @param path a concrete path, with or without a query
     * @return the scope, or empty if the call is not one of {@link #CALLS}
     */
    public static Optional<String> forGet(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return CALLS.stream().filter(c -> c.method().equals("GET") && c.matches(bare)).map(Call::scope).findFirst();
    }

    /**
     * Every scope a custom-scoped token needs for preview, up and destroy, sorted; with {@code registryIntegration: true}
     * also the scopes of the calls marked {@link #WITH_REGISTRY}.
     * @return the scopes
     */
    public static Set<String> all() {
        Set<String> out = new TreeSet<>();
        CALLS.stream().filter(c -> !c.who().endsWith(WITH_REGISTRY)).forEach(c -> out.add(c.scope()));
        return out;
    }
}
