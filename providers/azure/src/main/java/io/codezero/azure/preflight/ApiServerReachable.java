package io.codezero.azure.preflight;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The machine running {@code pulumi up} applies every platform layer through the API server, so it
 * must reach it: a public cluster drops connections from addresses outside its authorized IP ranges
 * (network.apiAccessAllowlist), and a private one is reachable only from its VNet and peered
 * networks. A new CI runner or another person's machine then fails each Kubernetes resource after a
 * long timeout. Checked on a running cluster (on a first up there is nothing to reach yet) with a
 * TCP connection to its API server; through an HTTPS proxy (which the Kubernetes provider would use)
 * the direct connection proves nothing, so it is not made.
 */
final class ApiServerReachable {
    private final AzureClients clients;
    /** The API server's port (AKS serves it on 443); tests point it at a loopback listener. */
    private final int apiServerPort;
    /** The environment, for the proxy variables the Kubernetes provider honours. */
    private final Map<String, String> environment;

    ApiServerReachable(AzureClients clients, int apiServerPort, Map<String, String> environment) {
        this.clients = clients;
        this.apiServerPort = apiServerPort;
        this.environment = environment;
    }

    /** @return empty on a first up, or when the cluster reports no API server address */
    Optional<CheckResult> run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        var cluster = RunningCluster.read(clients, subscriptionId, spec, args).orElse(null); // none on a first up: nothing to reach yet
        boolean isPrivate = spec.network().privateApiOnly();
        String host = cluster == null ? null : isPrivate ? cluster.privateFqdn() : cluster.fqdn();
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String fix = isPrivate
                ? "; a private cluster's API server is reachable only from its VNet and peered networks: run pulumi up from a host there (docs/azure.md, \"Private cluster\")"
                : "; add this machine's public egress address (as a /32) to network.apiAccessAllowlist and run pulumi up from a machine already listed,"
                        + " or run it from one whose address is listed";
        String proxy = java.util.stream.Stream.of("HTTPS_PROXY", "https_proxy").map(environment::get).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        if (proxy != null) {
            return Optional.of(CheckResult.unknown("api-server", "not checked: this machine reaches " + host + " through the proxy " + proxy
                    + ", whose egress address is the one the API server sees" + fix));
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, apiServerPort), (int) java.time.Duration.ofSeconds(5).toMillis());
            return Optional.of(CheckResult.pass("api-server", "this machine reaches the API server " + host + ":" + apiServerPort));
        } catch (java.io.IOException e) {
            return Optional.of(CheckResult.fail("api-server", "this machine cannot reach the API server " + host + ":" + apiServerPort + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "), so every platform layer would fail after a long timeout" + fix));
        }
    }
}
