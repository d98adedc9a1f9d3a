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

    /**
     * A new builder; at least one host with the server role is required.
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The machines, servers and agents, in the order given (the first server initializes the cluster).
     * @return the hosts
     */
    public List<BareMetalHost> hosts() { return hosts; }
    /**
     * The k3s release tag, or null for the one pinned for the cluster's Kubernetes minor.
     * @return the tag, e.g. {@code v1.33.5+k3s1}, or {@code null}
     */
    public String k3sVersion() { return k3sVersion; }
    /**
     * The airgap k3s binary on this machine, or null to download on the machines.
     * @return the path, or {@code null}
     */
    public Path airgapBinary() { return airgapBinary; }
    /**
     * The airgap install script on this machine, or null.
     * @return the path, or {@code null}
     */
    public Path airgapInstallScript() { return airgapInstallScript; }
    /**
     * The airgap images tarball on this machine, or null.
     * @return the path, or {@code null}
     */
    public Path airgapImages() { return airgapImages; }
    /**
     * The API address (VIP or DNS name), or null for the first server's address.
     * @return the address, or {@code null}
     */
    public String apiAddress() { return apiAddress; }
    /**
     * The jump host every connection goes through, or null.
     * @return the jump host, or {@code null}
     */
    public BareMetalHost jumpHost() { return jumpHost; }
    /**
     * How LoadBalancer Services get addresses, or null for ServiceLB.
     * @return the choice, or {@code null}
     */
    public BareMetalLoadBalancer loadBalancer() { return loadBalancer; }
    /**
     * Extra k3s server flags.
     * @return the flags, in order; may be empty
     */
    public List<String> extraServerArgs() { return extraServerArgs; }
    /**
     * Agents drained at once during an upgrade, or null for the default.
     * @return at least 1, or {@code null}
     */
    public Integer maxUnavailableAgents() { return maxUnavailableAgents; }
    /**
     * The join token given (a secret), or null: the target then registers a {@code JoinToken} the provider settles
     * once (random for a new cluster, the cluster's own for one CodeZero already runs). Either way it is known
     * before the first server installs.
     * @return the token, or {@code null}
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

        /**
         * Adds a machine, e.g. {@code BareMetalHost.server("10.0.0.10").withHostKey(...).withPrivateKey(key)}.
         * @param host the machine; its role, key and credentials are checked when the stack plans
         * @return this builder
         */
        public Builder host(BareMetalHost host) { hosts.add(host); return this; }
        /**
         * Adds machines in order.
         * @param all the machines, none {@code null}
         * @return this builder
         */
        public Builder hosts(List<BareMetalHost> all) { hosts.addAll(Arguments.items(all, "BareMetalTargetArgs.Builder.hosts")); return this; }
        /**
         * A k3s release tag; by default the one pinned for the cluster's Kubernetes minor.
         * @param v a k3s release tag such as {@code v1.33.5+k3s1}; it must belong to the spec's Kubernetes minor
         * @return this builder
         */
        public Builder k3sVersion(String v) { k3sVersion = v; return this; }
        /**
         * The k3s binary and install script from the release page, uploaded instead of downloaded on the machines.
         * @param k3sBinary the {@code k3s} binary on this machine
         * @param installScript the {@code install.sh} script on this machine
         * @return this builder
         */
        public Builder airgap(Path k3sBinary, Path installScript) { airgapBinary = k3sBinary; airgapInstallScript = installScript; return this; }
        /**
         * Also upload the k3s images tarball, so the machines pull no system images.
         * @param images the {@code k3s-airgap-images-<arch>.tar} (plain, {@code .zst} or {@code .gz}) on this machine
         * @return this builder
         */
        public Builder airgapImages(Path images) { airgapImages = images; return this; }
        /**
         * The address clients use for the API (a VIP or DNS name); defaults to the first server's address.
         * @param v an IP address or DNS name that reaches every server on port 6443
         * @return this builder
         */
        public Builder apiAddress(String v) { apiAddress = v; return this; }
        /**
         * A machine every connection goes through (its host key must be pinned).
         * @param v the jump host, with a pinned host key
         * @return this builder
         */
        public Builder jumpHost(BareMetalHost v) { jumpHost = v; return this; }
        /**
         * ServiceLB (default) or MetalLB with address pools.
         * @param v {@link BareMetalLoadBalancer#serviceLb()} or {@link BareMetalLoadBalancer#metalLb}
         * @return this builder
         */
        public Builder loadBalancer(BareMetalLoadBalancer v) { loadBalancer = v; return this; }
        /**
         * Extra k3s server flags, e.g. {@code --disable=metrics-server}.
         * @param v flags passed to every {@code k3s server}, none blank
         * @return this builder
         */
        public Builder extraServerArgs(List<String> v) { extraServerArgs.addAll(Arguments.items(v, "BareMetalTargetArgs.Builder.extraServerArgs")); return this; }
        /**
         * How many agents may be drained and restarted at once during an upgrade; default 1 (a tenth from 20 agents).
         * @param v 1 or more, or {@code null} for the default
         * @return this builder
         */
        public Builder maxUnavailableAgents(Integer v) { maxUnavailableAgents = v; return this; }

        /**
         * Your own join token instead of the one the target chooses (by default a {@code JoinToken} resource: random
         * for a new cluster, kept as it is for a cluster CodeZero already runs), a join token chosen before the first server exists, e.g. {@code ctx.config().requireSecret("k3sToken")} after
         * {@code pulumi config set --secret k3sToken "$(openssl rand -hex 32)"}: the other machines then connect, check,
         * lock and upload while the first server installs, and join the moment its API answers (the provider holds
         * that order, and upgrades agents only once every server runs the new version). Set it before the first
         * {@code pulumi up}: changing a cluster's token restarts every machine.
         * @param token the token, e.g. from a secret config value; kept a secret
         * @return this builder
         */
        public Builder joinToken(com.pulumi.core.Output<String> token) { joinToken = token; return this; }

        /**
         * The args; nothing is checked here (see {@link BareMetalTarget#validate}).
         * @return the args
         */
        public BareMetalTargetArgs build() {
            return new BareMetalTargetArgs(this);
        }
    }
}
