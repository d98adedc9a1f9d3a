package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.target.CniChaining;
import org.junit.jupiter.api.Test;

/**
 * A cluster whose CNI drops chained plugins ({@link CniChaining}, stated by DOKS for its managed Cilium)
 * gets no istio-cni agent: injection falls back to istio-init, whose NET_ADMIN and NET_RAW only the
 * {@code privileged} Pod Security level admits, and ambient mode, which needs the agent, is refused.
 */
class CniChainingTest {
    private static final CniChaining NONE = new CniChaining(false, "the cloud's managed CNI");

    @Test
    void withoutChainingNoCniAgentIsInstalledAndInjectionUsesIstioInit() {
        OfflineRun run = RealChartDefectsTest.plan(ExampleConfig.full(), c -> c.withFact(CniChaining.class, NONE));
        assertThat(run.find(RealChartDefectsTest.RELEASE, "dev-istio-cni")).isEmpty();
        assertThat(RealChartDefectsTest.value(run, "istiod", "pilot.cni.enabled")).isEqualTo(false);
        assertThat(run.ofType("kubernetes:core/v1:Namespace").stream().filter(r -> "git".equals(r.input("metadata.name"))).findFirst()
                .orElseThrow().inputs().toString()).contains("pod-security.kubernetes.io/enforce=privileged");
    }

    @Test
    void whereChainingWorksTheAgentRunsAndAppNamespacesStayRestricted() {
        OfflineRun run = RealChartDefectsTest.plan(ExampleConfig.full(), c -> c);
        assertThat(run.find(RealChartDefectsTest.RELEASE, "dev-istio-cni")).isPresent();
        assertThat(RealChartDefectsTest.value(run, "istiod", "pilot.cni.enabled")).isEqualTo(true);
        assertThat(run.ofType("kubernetes:core/v1:Namespace").stream().filter(r -> "git".equals(r.input("metadata.name"))).findFirst()
                .orElseThrow().inputs().toString()).contains("pod-security.kubernetes.io/enforce=restricted");
    }

    @Test
    void ambientModeIsRefusedWithTheReason() {
        OfflineRun run = RealChartDefectsTest.plan(RealChartDefectsTest.ambient(), FakeCluster.cloudLoadBalancers(),
                c -> c.withFact(CniChaining.class, NONE));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("platform.istio.mode = \"ambient\"", "the cloud's managed CNI", "platform.istio.mode: sidecar");
        // the fact comes with the provisioned cluster only: refused before any layer registers, from the layer's validation
        assertThat(run.where(r -> r.type().startsWith("codezero:platform:") || r.type().equals("kubernetes:helm.sh/v3:Release"))).isEmpty();
    }
}
