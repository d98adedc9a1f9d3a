package io.codezero.baremetal;

import io.codezero.core.validation.Arguments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bare-metal target is built from, the same shape as the other targets' args
 * ({@code new BareMetalTarget(BareMetalTargetArgs.builder().host(...).build())}). Plain values known
 * when the program runs; every one is checked by {@link BareMetalTarget#validate} before anything is
 * registered.
 */
public final class BareMetalTargetArgs {
    private final List<BareMetalHost> hosts;
    private final String k3sVersion;
    private final Path airgapBinary;
    private final Path airgapInstallScript;
    private final Path airgapImages;
    private final String apiAddress;
    private final BareMetalHost jumpHost;
    private final BareMetalLoadBalancer loadBalancer;
    private final List<String> extraServerArgs;
    private final Integer maxUnavailableAgents;
    private final com.pulumi.core.Output<String> joinToken;

    private BareMetalTargetArgs(Builder b) {
        this.hosts = List.copyOf(b.hosts);
        this.k3sVersion = b.k3sVersion;
        this.airgapBinary = b.airgapBinary;
        this.airgapInstallScript = b.airgapInstallScript;
        this.airgapImages = b.airgapImages;
        this.apiAddress = b.apiAddress;
        this.jumpHost = b.jumpHost;
        this.loadBalancer = b.loadBalancer;
        this.extraServerArgs = List.copyOf(b.extraServerArgs);
        this.maxUnavailableAgents = b.maxUnavailableAgents;
        this.joinToken = b.joinToken == null ? null : b.joinToken.asSecret();
    }

    /** A new builder; at least one host with the server role is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The machines, servers and agents, in the order given (the first server initializes the cluster). */
    public List<BareMetalHost> hosts() { return hosts; }
    /** The k3s release tag, or null for the one pinned for the cluster's Kubernetes minor. */
    public String k3sVersion() { return k3sVersion; }
    /** The airgap k3s binary on this machine, or null to download on the machines. */
    public Path airgapBinary() { return airgapBinary; }
    /** The airgap install script on this machine, or null. */
    public Path airgapInstallScript() { return airgapInstallScript; }
    /** The airgap images tarball on this machine, or null. */
    public Path airgapImages() { return airgapImages; }
    /** The API address (VIP or DNS name), or null for the first server's address. */
    public String apiAddress() { return apiAddress; }
    /** The jump host every connection goes through, or null. */
    public BareMetalHost jumpHost() { return jumpHost; }
    /** How LoadBalancer Services get addresses, or null for ServiceLB. */
    public BareMetalLoadBalancer loadBalancer() { return loadBalancer; }
    /** Extra k3s server flags. */
    public List<String> extraServerArgs() { return extraServerArgs; }
    /** Agents drained at once during an upgrade, or null for the default. */
    public Integer maxUnavailableAgents() { return maxUnavailableAgents; }
    /**
     * The join token given (a secret), or null: the target then registers a {@code JoinToken} the provider settles
     * once (random for a new cluster, the cluster's own for one CodeZero already runs). Either way it is known
     * before the first server installs.
     */
    public com.pulumi.core.Output<String> joinToken() { return joinToken; }

    /** Builds {@link BareMetalTargetArgs}. */
    public static final class Builder {
        private final List<BareMetalHost> hosts = new ArrayList<>();
        private String k3sVersion;
        private Path airgapBinary;
        private Path airgapInstallScript;
        private Path airgapImages;
        private String apiAddress;
        private BareMetalHost jumpHost;
        private BareMetalLoadBalancer loadBalancer;
        private final List<String> extraServerArgs = new ArrayList<>();
        private Integer maxUnavailableAgents;
        private com.pulumi.core.Output<String> joinToken;

        private Builder() {
        }

        /** Adds a machine, e.g. {@code BareMetalHost.server("10.0.0.10").withHostKey(...).withPrivateKey(key)}. */
        public Builder host(BareMetalHost host) { hosts.add(host); return this; }
        /** Adds machines in order. */
        public Builder hosts(List<BareMetalHost> all) { hosts.addAll(Arguments.items(all, "BareMetalTargetArgs.Builder.hosts")); return this; }
        /** A k3s release tag; by default the one pinned for the cluster's Kubernetes minor. */
        public Builder k3sVersion(String v) { k3sVersion = v; return this; }
        /** The k3s binary and install script from the release page, uploaded instead of downloaded on the machines. */
        public Builder airgap(Path k3sBinary, Path installScript) { airgapBinary = k3sBinary; airgapInstallScript = installScript; return this; }
        /** Also upload the k3s images tarball, so the machines pull no system images. */
        public Builder airgapImages(Path images) { airgapImages = images; return this; }
        /** The address clients use for the API (a VIP or DNS name); defaults to the first server's address. */
        public Builder apiAddress(String v) { apiAddress = v; return this; }
        /** A machine every connection goes through (its host key must be pinned). */
        public Builder jumpHost(BareMetalHost v) { jumpHost = v; return this; }
        /** ServiceLB (default) or MetalLB with address pools. */
        public Builder loadBalancer(BareMetalLoadBalancer v) { loadBalancer = v; return this; }
        /** Extra k3s server flags, e.g. {@code --disable=metrics-server}. */
        public Builder extraServerArgs(List<String> v) { extraServerArgs.addAll(Arguments.items(v, "BareMetalTargetArgs.Builder.extraServerArgs")); return this; }
        /** How many agents may be drained and restarted at once during an upgrade; default 1 (a tenth from 20 agents). */
        public Builder maxUnavailableAgents(Integer v) { maxUnavailableAgents = v; return this; }

        /**
         * Your own join token instead of the one the target chooses (by default a {@code JoinToken} resource: random
         * for a new cluster, kept as it is for a cluster CodeZero already runs), a join token chosen before the first server exists, e.g. {@code ctx.config().requireSecret("k3sToken")} after
         * {@code pulumi config set --secret k3sToken "$(openssl rand -hex 32)"}: the other machines then connect, check,
         * lock and upload while the first server installs, and join the moment its API answers (the provider holds
         * that order, and upgrades agents only once every server runs the new version). Set it before the first
         * {@code pulumi up}: changing a cluster's token restarts every machine.
         */
        public Builder joinToken(com.pulumi.core.Output<String> token) { joinToken = token; return this; }

        /** The args; nothing is checked here (see {@link BareMetalTarget#validate}). */
        public BareMetalTargetArgs build() {
            return new BareMetalTargetArgs(this);
        }
    }
}
