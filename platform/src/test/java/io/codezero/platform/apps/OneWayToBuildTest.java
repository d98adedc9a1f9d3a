package io.codezero.platform.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.GuiLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.LogsLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.layers.SignInLayer;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One way to build each: factories and builders, no {@code Optional} arguments, no second positional way to build a layer. */
class OneWayToBuildTest {
    private static final AppSpec SPEC = AppSpec.builder("shop", Workload.image("ghcr.io/acme/shop:1.4.2", 8080)).build();

    @Test
    void probesAreMadeWithOrWithoutAStartupProbeByFactories() {
        Probe ready = Probe.http("/ready", 8080);
        Probe live = Probe.tcp(8080);
        Probe started = Probe.tcp(8080).every(5, 120);
        assertThat(Probes.of(ready, live).startup()).isEmpty();
        assertThat(Probes.of(started, ready, live).startup()).contains(started);
        assertThat(Probes.of(started, ready, live).readiness()).isEqualTo(ready);
        assertThat(Probes.tcpDefaults(8080).startup()).isPresent();
    }

    @Test
    void aQuotaIsGivenOrRemovedWithoutAnOptional() {
        Quota quota = new Quota("2", "4Gi", "20Gi", 20);
        assertThat(SPEC.withQuota(quota).quota()).contains(quota);
        assertThat(SPEC.withQuota(quota).withoutQuota().quota()).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation")
    void theOptionalTakingFormsAreDeprecatedAndStillDoTheSame() throws Exception {
        Quota quota = new Quota("2", "4Gi", "20Gi", 20);
        assertThat(AppSpec.class.getMethod("withQuota", Optional.class).isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(SPEC.withQuota(Optional.of(quota))).isEqualTo(SPEC.withQuota(quota));
        assertThat(SPEC.withQuota(Optional.<Quota>empty())).isEqualTo(SPEC.withoutQuota());
        assertThat(Probes.class.getConstructor(Optional.class, Probe.class, Probe.class).isAnnotationPresent(Deprecated.class)).isTrue();
    }

    @Test
    void everyLayersPositionalOptionsConstructorIsDeprecatedForItsBuilder() {
        for (Class<?> options : List.of(CertificatesLayer.Options.class, DashboardsLayer.Options.class, GuiLayer.Options.class,
                IstioLayer.Options.class, LogsLayer.Options.class, MetricsLayer.Options.class, SignInLayer.Options.class)) {
            for (Constructor<?> constructor : options.getConstructors()) {
                assertThat(constructor.isAnnotationPresent(Deprecated.class)).as(constructor.toString()).isTrue();
            }
        }
    }
}
