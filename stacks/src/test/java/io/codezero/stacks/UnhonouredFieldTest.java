package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A spec field the target cannot honour is one problem, even where the target's own validation reports it too. */
class UnhonouredFieldTest {
    /** Like AKS: authorized ranges filter only the public endpoint, and its validator says so as well. */
    record PublicOnlyAllowlistTarget() implements ClusterTarget {
        @Override
        public String kind() {
            return "azure-like";
        }

        @Override
        public Set<SpecField> honours() {
            return EnumSet.complementOf(EnumSet.of(SpecField.PRIVATE_API_ALLOWLIST));
        }

        @Override
        public List<Problem> validate(ClusterSpec spec) {
            return List.of(Problem.of("network.apiAccessAllowlist", spec.network().apiAccessAllowlist(), "does not apply to a private cluster"),
                    Problem.of("network.apiAccessAllowlist[0]", "10.8.0.0/16", "is not reachable"));
        }

        @Override
        public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
            throw new AssertionError("never provisioned: the input is invalid");
        }
    }

    @Test
    void anAllowlistOnAPrivateEndpointTheTargetIgnoresIsOneProblem() {
        ClusterSpec spec = ClusterSpec.builder("shop")
                .network(NetworkSpec.builder().privateApiOnly(true).allowApiAccessFrom("10.8.0.0/16").build()).build();
        OfflineRun run = OfflineEngine.create().run(ctx ->
                new CodeZeroStack("shop", CodeZeroStackArgs.builder().target(new PublicOnlyAllowlistTarget()).cluster(spec).build()));
        Throwable failure = run.exceptions().get(0);
        while (!(failure instanceof SpecValidationException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertThat(((SpecValidationException) failure).problems()).extracting(Problem::toString).containsExactly(
                "cluster.network.apiAccessAllowlist = \"[10.8.0.0/16]\": the azure-like target cannot restrict a private-only API endpoint"
                        + " (privateApiOnly: true) to an allowlist: remove `network.apiAccessAllowlist`");
    }
}
