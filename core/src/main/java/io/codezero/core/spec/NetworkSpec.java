package io.codezero.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Address plan and exposure of a cluster. Nodes are private by default; the API endpoint is
 * reachable only from {@link #apiAccessAllowlist()} unless {@link #privateApiOnly()} closes it.
 */
public record NetworkSpec(
        String vpcCidr,
        String podCidr,
        String serviceCidr,
        boolean privateNodes,
        List<String> apiAccessAllowlist,
        boolean privateApiOnly,
        boolean apiOpenToInternet) {

    /** The node network's range unless one is given. */
    public static final String DEFAULT_VPC_CIDR = "10.0.0.0/16";
    /** The pods' range unless one is given. */
    public static final String DEFAULT_POD_CIDR = "10.100.0.0/16";
    /** The services' range unless one is given. */
    public static final String DEFAULT_SERVICE_CIDR = "172.20.0.0/16";

    /**
     * Copies the allowlist. Nothing else is checked here: the stack's validation reports every problem at once.
     *
     * @param vpcCidr the node network's range
     * @param podCidr the pods' range
     * @param serviceCidr the services' range
     * @param privateNodes whether nodes have private addresses only
     * @param apiAccessAllowlist ranges that may reach the API endpoint
     * @param privateApiOnly whether the API endpoint is private only
     * @param apiOpenToInternet the opt-in an allowlist entry 0.0.0.0/0 needs
     */
    public NetworkSpec {
        apiAccessAllowlist = List.copyOf(apiAccessAllowlist == null ? List.of() : apiAccessAllowlist);
    }

    /**
     * The default network: the default ranges, private nodes, a public endpoint with no allowlist (which the cloud targets refuse: give one, or privateApiOnly).
     *
     * @return the defaults
     */
    public static NetworkSpec defaults() {
        return builder().build();
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this network's values, to derive a changed copy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().vpcCidr(vpcCidr).podCidr(podCidr).serviceCidr(serviceCidr)
                .privateNodes(privateNodes).apiAccessAllowlist(apiAccessAllowlist).privateApiOnly(privateApiOnly)
                .apiOpenToInternet(apiOpenToInternet);
    }

    /** Builds a {@link NetworkSpec}; every method takes no nulls (a null is reported as a problem of the program). */
    public static final class Builder {
        private String vpcCidr = DEFAULT_VPC_CIDR;
        private String podCidr = DEFAULT_POD_CIDR;
        private String serviceCidr = DEFAULT_SERVICE_CIDR;
        private boolean privateNodes = true;
        private final List<String> allowlist = new ArrayList<>();
        private boolean privateApiOnly;
        private boolean apiOpenToInternet;

        /**
         * The node network's range (the VPC's, on clouds that create one).
         *
         * @param cidr an IPv4 network such as 10.0.0.0/16
         * @return this builder
         */
        public Builder vpcCidr(String cidr) {
            this.vpcCidr = cidr;
            return this;
        }

        /**
         * The pods' range; must not overlap the node or service range.
         *
         * @param cidr an IPv4 network such as 10.100.0.0/16
         * @return this builder
         */
        public Builder podCidr(String cidr) {
            this.podCidr = cidr;
            return this;
        }

        /**
         * The services' range; must not overlap the node or pod range.
         *
         * @param cidr an IPv4 network such as 172.20.0.0/16
         * @return this builder
         */
        public Builder serviceCidr(String cidr) {
            this.serviceCidr = cidr;
            return this;
        }

        /**
         * Opting out of private nodes is explicit: nodes then get public addresses.
         *
         * @param privateNodes false to give nodes public addresses
         * @return this builder
         */
        public Builder privateNodes(boolean privateNodes) {
            this.privateNodes = privateNodes;
            return this;
        }

        /**
         * Adds a range that may reach the API endpoint (your office's or CI's egress).
         *
         * @param cidr an IPv4 network, e.g. 203.0.113.0/24
         * @return this builder
         */
        public Builder allowApiAccessFrom(String cidr) {
            allowlist.add(io.codezero.core.validation.Arguments.given(cidr, "NetworkSpec.Builder.allowApiAccessFrom"));
            return this;
        }

        /**
         * Replaces the ranges that may reach the API endpoint.
         *
         * @param cidrs IPv4 networks
         * @return this builder
         */
        public Builder apiAccessAllowlist(List<String> cidrs) {
            allowlist.clear();
            allowlist.addAll(io.codezero.core.validation.Arguments.items(cidrs, "NetworkSpec.Builder.apiAccessAllowlist"));
            return this;
        }

        /**
         * Whether the API endpoint is private only (reachable from the network, not the internet); an allowlist then applies only where the target filters the private endpoint (AWS, GKE).
         *
         * @param privateApiOnly true for a private-only endpoint
         * @return this builder
         */
        public Builder privateApiOnly(boolean privateApiOnly) {
            this.privateApiOnly = privateApiOnly;
            return this;
        }

        /**
         * The explicit opt-in an allowlist entry of {@code 0.0.0.0/0} (or {@code ::/0}) needs on a public API
         * endpoint: without it such an entry is refused, because it opens the endpoint to the whole internet.
         *
         * @param apiOpenToInternet true to allow 0.0.0.0/0
         * @return this builder
         */
        public Builder apiOpenToInternet(boolean apiOpenToInternet) {
            this.apiOpenToInternet = apiOpenToInternet;
            return this;
        }

        /**
         * The network as given; the stack checks it with everything else.
         *
         * @return the network
         */
        public NetworkSpec build() {
            return new NetworkSpec(vpcCidr, podCidr, serviceCidr, privateNodes, allowlist, privateApiOnly, apiOpenToInternet);
        }
    }
}
