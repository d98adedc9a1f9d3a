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

    public static final String DEFAULT_VPC_CIDR = "10.0.0.0/16";
    public static final String DEFAULT_POD_CIDR = "10.100.0.0/16";
    public static final String DEFAULT_SERVICE_CIDR = "172.20.0.0/16";

    public NetworkSpec {
        apiAccessAllowlist = List.copyOf(apiAccessAllowlist == null ? List.of() : apiAccessAllowlist);
    }

    public static NetworkSpec defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().vpcCidr(vpcCidr).podCidr(podCidr).serviceCidr(serviceCidr)
                .privateNodes(privateNodes).apiAccessAllowlist(apiAccessAllowlist).privateApiOnly(privateApiOnly)
                .apiOpenToInternet(apiOpenToInternet);
    }

    public static final class Builder {
        private String vpcCidr = DEFAULT_VPC_CIDR;
        private String podCidr = DEFAULT_POD_CIDR;
        private String serviceCidr = DEFAULT_SERVICE_CIDR;
        private boolean privateNodes = true;
        private final List<String> allowlist = new ArrayList<>();
        private boolean privateApiOnly;
        private boolean apiOpenToInternet;

        public Builder vpcCidr(String cidr) {
            this.vpcCidr = cidr;
            return this;
        }

        public Builder podCidr(String cidr) {
            this.podCidr = cidr;
            return this;
        }

        public Builder serviceCidr(String cidr) {
            this.serviceCidr = cidr;
            return this;
        }

        /** Opting out of private nodes is explicit: nodes then get public addresses. */
        public Builder privateNodes(boolean privateNodes) {
            this.privateNodes = privateNodes;
            return this;
        }

        public Builder allowApiAccessFrom(String cidr) {
            allowlist.add(io.codezero.core.validation.Arguments.given(cidr, "NetworkSpec.Builder.allowApiAccessFrom"));
            return this;
        }

        public Builder apiAccessAllowlist(List<String> cidrs) {
            allowlist.clear();
            allowlist.addAll(io.codezero.core.validation.Arguments.items(cidrs, "NetworkSpec.Builder.apiAccessAllowlist"));
            return this;
        }

        public Builder privateApiOnly(boolean privateApiOnly) {
            this.privateApiOnly = privateApiOnly;
            return this;
        }

        /**
         * The explicit opt-in an allowlist entry of {@code 0.0.0.0/0} (or {@code ::/0}) needs on a public API
         * endpoint: without it such an entry is refused, because it opens the endpoint to the whole internet.
         */
        public Builder apiOpenToInternet(boolean apiOpenToInternet) {
            this.apiOpenToInternet = apiOpenToInternet;
            return this;
        }

        public NetworkSpec build() {
            return new NetworkSpec(vpcCidr, podCidr, serviceCidr, privateNodes, allowlist, privateApiOnly, apiOpenToInternet);
        }
    }
}
