package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.platform.IstioGatewayModel.Answer;
import io.codezero.platform.charts.UpstreamCharts;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.SignInLayer;
import io.codezero.platform.mesh.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 16, defect 3: with an ACME HTTP-01 issuer, the challenge {@code http://<name>/.well-known/acme-challenge/<token>}
 * must reach cert-manager's solver through the Istio gateway, while every other plain request is still sent to HTTPS.
 * The plan's Istio objects are run through {@link IstioGatewayModel} (istiod's merging of gateway servers and routes)
 * with the route istiod derives from the solver's Ingress; without sign-in (private routes denied) and with it.
 */
class AcmeHttp01Test {
    static final String DOMAIN = "codezero.localhost";
    static final String TOKEN = "tok3n";
    static final String CHALLENGE = Routes.ACME_CHALLENGE_PATH + TOKEN;

    @SuppressWarnings("unchecked")
    static Map<String, Object> platform(boolean signIn, boolean acme) {
        Map<String, Object> platform = SignInTest.platform(signIn ? SignInTest.signIn() : null);
        if (acme) {
            platform.put("certificates", new HashMap<>(Map.of("issuer", "acme", "acme", Map.of("email", "ops@example.com"))));
        }
        // ACME HTTP-01 cannot prove a wildcard: the certificate names every routed host by itself (no extraHosts).
        return platform;
    }

    static OfflineRun plan(boolean signIn, boolean acme) {
        OfflineRun run = FakeCluster.plan(platform(signIn, acme));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    static Stream<Arguments> signIn() {
        return Stream.of(Arguments.of(false), Arguments.of(true));
    }

    @Test
    void withAcmeNoGatewayServerRedirectsAllOfPort80() {
        OfflineRun run = plan(false, true);
        List<Map<String, Object>> port80 = new ArrayList<>();
        for (PlannedResource gateway : run.ofType(IstioGatewayModel.GATEWAY)) {
            for (Map<String, Object> server : IstioGatewayModel.list(gateway.input("spec.servers"))) {
                if (((Number) IstioGatewayModel.map(server.get("port")).get("number")).intValue() == 80) {
                    port80.add(server);
                }
            }
        }
        assertThat(port80).as("the challenge arrives on port 80, so the gateway still listens there").hasSize(1);
        assertThat(port80.get(0)).doesNotContainKey("tls");
    }

    @ParameterizedTest(name = "sign-in configured: {0}")
    @MethodSource("signIn")
    void withAcmeEveryPlainRequestGoesToHttpsExceptTheChallengeWhichReachesTheSolver(boolean signIn) {
        OfflineRun acme = plan(signIn, true);
        OfflineRun selfSigned = plan(signIn, false);
        List<String> names = certificateNames(acme);
        Set<String> routedHosts = routedHosts(acme);
        assertThat(names).as("every routed host is challenged").containsAll(routedHosts).contains(DOMAIN);

        IstioGatewayModel withSolvers = IstioGatewayModel.of(acme, IstioLayer.GATEWAY_SELECTOR);
        names.forEach(name -> withSolvers.withSolverIngress(name, TOKEN));
        IstioGatewayModel today = IstioGatewayModel.of(selfSigned, IstioLayer.GATEWAY_SELECTOR);

        for (String name : names) {
            assertThat(withSolvers.answer(80, name, CHALLENGE)).as("http://" + name + CHALLENGE)
                    .isEqualTo(Answer.backend(IstioGatewayModel.SOLVER));
        }

        Set<String> hosts = new LinkedHashSet<>(names);
        hosts.addAll(routedHosts);
        hosts.add("no-route." + DOMAIN);
        List<String> paths = new ArrayList<>(List.of("/", "/some/page", Routes.ACME_CHALLENGE_PATH + "unknown-token"));
        paths.addAll(routedPaths(acme));
        int redirected = 0;
        for (String host : hosts) {
            for (String path : paths) {
                Answer plain = withSolvers.answer(80, host, path);
                if (path.startsWith(Routes.ACME_CHALLENGE_PATH)) {
                    // Policies leave the challenge path on port 80 to the solver; without a solver for it, a redirect answers.
                    assertThat(plain).as("http://" + host + path).isEqualTo(Answer.TO_HTTPS);
                } else {
                    assertThat(plain).as("http://" + host + path + " as the redirecting gateway answers it")
                            .isEqualTo(today.answer(80, host, path))
                            .isIn(Answer.TO_HTTPS, Answer.DENIED, Answer.SIGN_IN);
                }
                redirected += plain.equals(Answer.TO_HTTPS) ? 1 : 0;
                assertThat(withSolvers.answer(443, host, path)).as("https://" + host + path).isEqualTo(today.answer(443, host, path));
            }
        }
        // Public hosts and the gateway's own names are redirected outright; only private routes' policies answer first.
        for (String host : List.of(DOMAIN, "git." + DOMAIN, "no-route." + DOMAIN)) {
            assertThat(withSolvers.answer(80, host, "/some/page")).as("http://" + host + "/some/page").isEqualTo(Answer.TO_HTTPS);
        }
        assertThat(redirected).isGreaterThan(hosts.size());
        assertThat(withSolvers.answer(443, "git." + DOMAIN, "/")).isEqualTo(Answer.backend("git.git.svc.cluster.local"));
    }

    @Test
    void withTheSelfSignedIssuerTheGatewayServerRedirectsAsBefore() {
        OfflineRun run = plan(false, false);
        PlannedResource gateway = run.get(IstioGatewayModel.GATEWAY, "dev-istio-system-gateway");
        assertThat(((Number) gateway.input("spec.servers.0.port.number")).intValue()).isEqualTo(80);
        assertThat(gateway.input("spec.servers.0.tls.httpsRedirect")).isEqualTo(true);
        assertThat(run.find(IstioGatewayModel.VS, "dev-istio-https-redirect")).isEmpty();
        for (PlannedResource vs : run.ofType(IstioGatewayModel.VS)) {
            assertThat(IstioGatewayModel.list(vs.input("spec.http"))).as(vs.name()).hasSize(1);
        }
        for (PlannedResource policy : run.ofType(IstioGatewayModel.POLICY)) {
            assertThat(String.valueOf(policy.input("spec"))).as(policy.name()).doesNotContain("notPaths");
        }
        IstioGatewayModel model = IstioGatewayModel.of(run, IstioLayer.GATEWAY_SELECTOR);
        assertThat(model.answer(80, "git." + DOMAIN, "/")).isEqualTo(Answer.TO_HTTPS);
        assertThat(model.answer(80, DOMAIN, CHALLENGE)).isEqualTo(Answer.TO_HTTPS);
    }

    /**
     * istiod's validation (pkg/config/validation ValidateVirtualService, run by its admission webhook) refuses a
     * VirtualService two of whose hosts match each other, such as {@code *.<domain>} and {@code git.<domain>}: the
     * ACME redirect once listed both and the webhook would have refused it at the first up. IstiodRoutingTest's
     * inputs go through that validation too (e2e/istiod-routes.sh fails on it).
     */
    @ParameterizedTest(name = "sign-in configured: {0}")
    @MethodSource("signIn")
    void withAcmeNoVirtualServiceNamesAHostThatAnotherOfItsHostsCovers(boolean signIn) {
        for (PlannedResource vs : plan(signIn, true).ofType(IstioGatewayModel.VS)) {
            List<String> hosts = IstioGatewayModel.strings(vs.input("spec.hosts"));
            for (int i = 0; i < hosts.size(); i++) {
                for (int j = i + 1; j < hosts.size(); j++) {
                    assertThat(IstioGatewayModel.intersection(List.of(hosts.get(i)), List.of(hosts.get(j))))
                            .as(vs.name() + " names " + hosts.get(i) + " and " + hosts.get(j)).isEmpty();
                }
            }
        }
    }

    @Test
    void theRedirectsAndPolicyExceptionsUseFieldsIstiosCrdsDeclare() {
        Map<String, Map<String, Object>> schemas = istioSchemas();
        OfflineRun run = plan(true, true);
        int checked = 0;
        for (String type : List.of(IstioGatewayModel.VS, IstioGatewayModel.GATEWAY, IstioGatewayModel.POLICY)) {
            for (PlannedResource object : run.ofType(type)) {
                String kind = type.substring(type.lastIndexOf(':') + 1);
                List<String> unknown = new ArrayList<>();
                undeclared(object.input("spec"), IstioGatewayModel.map(schemas.get(kind).get("spec")), "spec", unknown);
                assertThat(unknown).as(kind + " " + object.name()).isEmpty();
                checked++;
            }
        }
        assertThat(run.get(IstioGatewayModel.VS, "dev-istio-https-redirect").input("spec.http.0.redirect.scheme")).isEqualTo("https");
        assertThat(checked).isGreaterThan(10);
    }

    static List<String> certificateNames(OfflineRun run) {
        return IstioGatewayModel.strings(run.get("kubernetes:cert-manager.io/v1:Certificate", "dev-istio-gateway-certificate").input("spec.dnsNames"));
    }

    static Set<String> routedHosts(OfflineRun run) {
        Set<String> hosts = new LinkedHashSet<>();
        run.ofType(IstioGatewayModel.VS).forEach(vs -> IstioGatewayModel.strings(vs.input("spec.hosts")).stream()
                .filter(h -> !h.startsWith("*")).forEach(hosts::add));
        return hosts;
    }

    static Set<String> routedPaths(OfflineRun run) {
        Set<String> paths = new LinkedHashSet<>();
        for (PlannedResource vs : run.ofType(IstioGatewayModel.VS)) {
            for (Map<String, Object> entry : IstioGatewayModel.list(vs.input("spec.http"))) {
                for (Map<String, Object> match : IstioGatewayModel.list(entry.get("match"))) {
                    Object uri = match.get("uri");
                    if (uri != null && !"/".equals(IstioGatewayModel.map(uri).get("prefix"))) {
                        paths.add(IstioGatewayModel.map(uri).get("prefix") + "/x");
                    }
                }
            }
        }
        return paths;
    }

    /** The served v1 openAPIV3Schema of each kind in Istio's CRDs, from the base chart the e2e installs. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> istioSchemas() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Map<String, Map<String, Object>> schemas = new HashMap<>();
        String crds = UpstreamCharts.file("istio-base-1.31", "files/crd-all.gen.yaml");
        for (Object doc : new Yaml(options).loadAll(crds)) {
            if (!(doc instanceof Map<?, ?> crd) || !"CustomResourceDefinition".equals(crd.get("kind"))) {
                continue;
            }
            Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
            String kind = (String) ((Map<String, Object>) spec.get("names")).get("kind");
            for (Map<String, Object> version : (List<Map<String, Object>>) spec.get("versions")) {
                if ("v1".equals(version.get("name"))) {
                    Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
                    schemas.put(kind, (Map<String, Object>) schema.get("properties"));
                }
            }
        }
        return schemas;
    }

    /** Every key of {@code value} that {@code schema} does not declare (the API server would prune it). */
    @SuppressWarnings("unchecked")
    static void undeclared(Object value, Map<String, Object> schema, String at, List<String> unknown) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            Object additional = schema.get("additionalProperties");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (properties != null && properties.containsKey(key)) {
                    undeclared(e.getValue(), (Map<String, Object>) properties.get(key), at + "." + key, unknown);
                } else if (additional instanceof Map<?, ?> a) {
                    undeclared(e.getValue(), (Map<String, Object>) a, at + "." + key, unknown);
                } else if (!Boolean.TRUE.equals(additional) && !Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
                    unknown.add(at + "." + key);
                }
            }
        } else if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                undeclared(list.get(i), (Map<String, Object>) items, at + "[" + i + "]", unknown);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withAcmeTheCertificateNamesEveryRoutedHostWithoutBeingToldAndWithTheWildcardIssuerOnlyTheWildcard() {
        Set<String> routed = Set.of("grafana." + DOMAIN, "headlamp." + DOMAIN, "kiali." + DOMAIN, "git." + DOMAIN,
                "adminer." + DOMAIN, SignInLayer.DEFAULT_AUTH_HOST + "." + DOMAIN);
        PlannedResource acme = plan(true, true).where(r -> r.type().endsWith(":Certificate") && r.name().endsWith("istio-gateway-certificate")).get(0);
        assertThat((List<String>) acme.input("spec.dnsNames")).as("ACME HTTP-01: each routed host by name")
                .containsAll(routed).contains(DOMAIN).doesNotContain("*." + DOMAIN).doesNotHaveDuplicates();
        PlannedResource selfSigned = plan(true, false).where(r -> r.type().endsWith(":Certificate") && r.name().endsWith("istio-gateway-certificate")).get(0);
        assertThat((List<String>) selfSigned.input("spec.dnsNames")).as("a wildcard covers them").containsExactly(DOMAIN, "*." + DOMAIN);
    }
}
