package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.OutputFailedException;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.validation.Problem;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.layers.AlertReceiver;
import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.layers.SignInLayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values that come from another resource: the domain, sign-in's issuer and client id, alert receivers' URLs and app
 * environment take an Output beside a plain value. A plain value is checked before anything registers; an Output is
 * checked when it resolves, failing with the same message; an unknown one (a preview) stays unknown in the plan.
 */
class OutputInputsTest {

    /** An Output as a preview sees another resource's output that is not known yet. */
    static <T> Output<T> unknown() {
        return new OutputInternal<>(OutputData.<T>unknown());
    }

    static PlatformConfig platform(PlatformSettings settings, List<PlatformLayer> layers, List<PlatformApp> apps) {
        return new PlatformConfig(settings, layers, apps);
    }

    static List<PlatformLayer> meshAndGrafana() {
        return List.of(CertificatesLayer.builder().build(), IstioLayer.builder().build(), DashboardsLayer.builder().build());
    }

    static PlannedResource grafanaRoute(OfflineRun run) {
        return run.where(r -> r.type().endsWith(":VirtualService") && r.name().equals("dev-dashboards-grafana-route")).get(0);
    }

    @Test
    void aDomainFromAnotherResourceNamesEveryRouteAndTheCertificate() {
        OfflineRun run = FakeCluster.plan(platform(PlatformSettings.builder().domain(Output.of("apps.example.com")).build(),
                meshAndGrafana(), List.of()));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(grafanaRoute(run).input("spec.hosts")).isEqualTo(List.of("grafana.apps.example.com"));
        assertThat(run.where(r -> r.name().equals("dev-istio-gateway-certificate")).get(0).input("spec.dnsNames"))
                .isEqualTo(List.of("apps.example.com", "*.apps.example.com"));
        Map<?, ?> ini = (Map<?, ?>) ((Map<?, ?>) run.get("kubernetes:helm.sh/v3:Release", "dev-dashboards-grafana").input("values")).get("grafana.ini");
        assertThat(((Map<?, ?>) ini.get("server")).get("root_url")).isEqualTo("https://grafana.apps.example.com");
    }

    @Test
    void aPlainDomainIsCheckedBeforeAnythingRegisters() {
        PlatformConfig config = platform(PlatformSettings.defaults().withDomain("10.0.0.1"), meshAndGrafana(), List.of());
        assertThat(config.validate()).extracting(Problem::toString)
                .containsExactly("platform.domain = \"10.0.0.1\": ends in a number, so it is an IP address or a number rather than a domain; "
                        + "apps are served at <app>.10.0.0.1, which needs a DNS name such as apps.example.com");
    }

    @Test
    void aBadDomainFromAnotherResourceFailsWhenItResolvesWithTheSameMessage() {
        PlatformConfig config = platform(PlatformSettings.defaults().withDomain(Output.of("10.0.0.1")), meshAndGrafana(), List.of());
        assertThat(config.validate()).as("unknown before it resolves").isEmpty();
        OutputFailedException failed = failsWhenResolved(() -> FakeCluster.plan(config));
        assertThat(failed.getCause().getMessage()).contains("platform.domain = \"10.0.0.1\": ends in a number, so it is an IP address or a number rather "
                + "than a domain").contains("(an Output, checked when it resolved)");
        assertThat(failed.run().where(r -> r.type().endsWith(":VirtualService"))).as("the resources that use it fail").isEmpty();
    }

    @Test
    void anUnknownDomainStaysUnknownInThePlan() {
        OfflineRun run = FakeCluster.plan(platform(PlatformSettings.defaults().withDomain(OutputInputsTest.<String>unknown()),
                meshAndGrafana(), List.of()));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(grafanaRoute(run).input("spec.hosts")).isEqualTo(List.of("(unknown)"));
        assertThat(PlatformSettings.defaults().withDomain(OutputInputsTest.<String>unknown()).knownDomain()).isEmpty();
    }

    static SignInLayer.Builder signIn() {
        return SignInLayer.builder().clientSecret(Output.ofSecret("s")).allowedGroups(List.of("ops"));
    }

    static List<PlatformLayer> withSignIn(SignInLayer signIn) {
        return List.of(IstioLayer.builder().signIn(signIn.externalAuthorization()).build(), signIn);
    }

    @Test
    void signInsIssuerAndClientIdMayComeFromAnotherResource() {
        SignInLayer layer = signIn().issuer(Output.of("https://login.example.com/realms/ops")).clientId(Output.of("platform")).build();
        OfflineRun run = FakeCluster.plan(platform(PlatformSettings.defaults().withDomain("apps.example.com"), withSignIn(layer), List.of()));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(String.valueOf(run.get("kubernetes:helm.sh/v3:Release", "dev-sign-in-oauth2-proxy").input("values.extraArgs")))
                .contains("--oidc-issuer-url=https://login.example.com/realms/ops", "--redirect-url=https://auth.apps.example.com/oauth2/callback");
    }

    @Test
    void aBadIssuerIsTheSameProblemPlainOrFromAnotherResource() {
        String why = "platform.signIn.issuer = \"http://login.example.com\": must be an https:// URL";
        SignInLayer plain = signIn().issuer("http://login.example.com").clientId("platform").build();
        assertThat(plain.validate(PlatformSettings.defaults())).extracting(Problem::toString).anyMatch(p -> p.startsWith(why));
        SignInLayer output = signIn().issuer(Output.of("http://login.example.com")).clientId("platform").build();
        assertThat(output.validate(PlatformSettings.defaults())).as("unknown before it resolves").isEmpty();
        OutputFailedException failed = failsWhenResolved(() -> FakeCluster.plan(platform(PlatformSettings.defaults(), withSignIn(output), List.of())));
        assertThat(failed.getCause().getMessage()).contains(why);
    }

    @Test
    void anAlertReceiversUrlMayComeFromAnotherResourceAndStaysSecret() {
        MetricsLayer metrics = MetricsLayer.builder().receivers(List.of(AlertReceiver.webhook("ops", Output.of("https://hooks.example.com/t0k3n")))).build();
        OfflineRun run = FakeCluster.plan(platform(PlatformSettings.defaults(), List.of(metrics), List.of()));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource secret = run.get("kubernetes:core/v1:Secret", "dev-metrics-alertmanager-config");
        assertThat(secret.isSecretInput("stringData")).isTrue();
        assertThat(String.valueOf(secret.input("stringData"))).contains("https://hooks.example.com/t0k3n");
    }

    @Test
    void aBadAlertUrlIsTheSameProblemPlainOrFromAnotherResource() {
        String why = "platform.metrics.receivers[0].url = \"http://hooks.example.com/...\": must use https";
        MetricsLayer plain = MetricsLayer.builder().receivers(List.of(AlertReceiver.webhook("ops", "http://hooks.example.com/t"))).build();
        assertThat(plain.validate(PlatformSettings.defaults())).extracting(Problem::toString).anyMatch(p -> p.startsWith(why));
        MetricsLayer output = MetricsLayer.builder().receivers(List.of(AlertReceiver.webhook("ops", Output.of("http://hooks.example.com/t")))).build();
        assertThat(output.validate(PlatformSettings.defaults())).isEmpty();
        OutputFailedException failed = failsWhenResolved(() -> FakeCluster.plan(platform(PlatformSettings.defaults(), List.of(output), List.of())));
        assertThat(failed.getCause().getMessage()).contains(why).doesNotContain("/t\"");
    }

    @Test
    void anAppsEnvironmentMayComeFromAnotherResourceKnownOrNot() {
        CodeZeroApp known = new CodeZeroApp(AppSpec.builder("shop", Workload.image("ghcr.io/acme/shop:1.4.2", 8080)
                .withEnv("A_PLAIN", "x").withEnv("BUCKET", Output.of("shop-assets-7f3a"))).build());
        CodeZeroApp unknown = new CodeZeroApp(AppSpec.builder("web", Workload.image("ghcr.io/acme/web:2.0.0", 8080)
                .withEnv("BUCKET", OutputInputsTest.<String>unknown())).build());
        OfflineRun run = FakeCluster.plan(platform(PlatformSettings.defaults(), List.of(), List.of(known, unknown)));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get("kubernetes:apps/v1:Deployment", "dev-shop-deployment").input("spec.template.spec.containers.0.env"))
                .isEqualTo(List.of(Map.of("name", "A_PLAIN", "value", "x"), Map.of("name", "BUCKET", "value", "shop-assets-7f3a")));
        assertThat(run.get("kubernetes:apps/v1:Deployment", "dev-web-deployment").input("spec.template.spec.containers.0.env.0.value"))
                .isEqualTo("(unknown)");
    }

    /**
     * A value from another resource that fails its check when it resolves: the offline engine throws it (SettlingRunnerTest's
     * contract), with the check's exception as the cause and the run as far as it went.
     */
    static OutputFailedException failsWhenResolved(org.assertj.core.api.ThrowableAssert.ThrowingCallable plan) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(plan);
        assertThat(thrown).isInstanceOf(OutputFailedException.class);
        return (OutputFailedException) thrown;
    }
}
