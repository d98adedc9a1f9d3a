package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.target.PhysicalName;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.Vpc;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The names two DOKS stacks of one program must not share (ClusterTarget.physicalNames; the stack reports a shared
 * one) are the names DigitalOcean is asked for, stack suffix included: a problem names what the control panel shows.
 */
class DigitalOceanPhysicalNamesTest {
    private static String named(Set<PhysicalName> names, String kind) {
        return names.stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow().name();
    }

    @Test
    void theProjectAndVpcNamesInProblemsAreTheOnesTheDeploymentCreates() {
        AtomicReference<Set<PhysicalName>> claimed = new AtomicReference<>();
        DigitalOceanTargetArgs args = Fixtures.args().build();
        OfflineRun run = OfflineEngine.create().project("shop").stack("prod").mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var target = new DigitalOceanTarget(args);
            claimed.set(target.physicalNames(Fixtures.spec()));
            target.provision(Fixtures.spec(), new io.codezero.core.target.TargetContext("demo",
                    new com.pulumi.resources.ComponentResource("codezero:index:Platform", "platform",
                            com.pulumi.resources.ComponentResourceOptions.builder().build())));
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(named(claimed.get(), "project")).isEqualTo("demo-prod")
                .isEqualTo(run.get(Project.TYPE, "demo-project").input("name"));
        assertThat(named(claimed.get(), "VPC")).isEqualTo("demo-prod-fra1")
                .isEqualTo(run.get(Vpc.TYPE, "demo-vpc").input("name"));
        assertThat(named(claimed.get(), "DOKS cluster")).isEqualTo("demo");
    }

    @Test
    void anAdoptedVpcIsNotClaimed() {
        var names = new DigitalOceanTarget(Fixtures.args().existingVpcId("5a4981aa-9653-4bd1-bef5-d6bff52042e4").build())
                .physicalNames(Fixtures.spec(), new StackIdentity("shop", "prod"));
        assertThat(names).extracting(PhysicalName::kind).containsExactlyInAnyOrder("DOKS cluster", "project");
    }
}
