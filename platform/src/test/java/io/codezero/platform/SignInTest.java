package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.validation.Problem;
import io.codezero.platform.helm.ChartSource;
import io.codezero.platform.layers.ConsoleIdentity;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.SignInLayer;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browser sign-in at the gateway: which routes the CUSTOM policy covers, where the secrets go, what the mesh is told, bad input. */
@SuppressWarnings("unchecked")
class SignInTest {
    static final String CLIENT_SECRET = "client-secret-7f3a91c2";
    static final String POLICY = "kubernetes:security.istio.io/v1:AuthorizationPolicy";
    static final String VIRTUAL_SERVICE = "kubernetes:networking.istio.io/v1:VirtualService";
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static OfflineRun run;
    static PlatformConfig config;

    static Map<String, Object> signIn() {
        Map<String, Object> signIn = new HashMap<>();
        signIn.put("issuer", "https://login.example.com/realms/dev");
        signIn.put("clientId", "codezero");
        signIn.put("clientSecret", CLIENT_SECRET);
        signIn.put("allowedGroups", List.of("platform-admins"));
        return signIn;
    }

    /** The example platform with sign-in, plus a private app route on a host and a private one on a path. */
    static Map<String, Object> platform(Map<String, Object> signIn) {
        Map<String, Object> platform = ExampleConfig.full();
        if (signIn != null) {
            platform.put("signIn", signIn);
        }
        List<Object> apps = new ArrayList<>((List<Object>) platform.get("apps"));
        apps.add(Map.of("name", "cache", "kind", "redis"));
        apps.add(Map.of("name", "adminer", "kind", "adminer", "links", List.of(Map.of("app", "db")),
                "route", Map.of("visibility", "private", "host", "adminer")));
        apps.add(Map.of("name", "files", "kind", "image", "image", "docker.io/library/nginx:1.29.3", "port", 8080,
                "route", Map.of("visibility", "private", "path", "/files")));
        platform.put("apps", apps);
        return platform;
    }

    @BeforeAll
    static void plan() {
        config = FakeCluster.read(platform(signIn()));
        run = FakeCluster.plan(config);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
    }

    static List<Route> declaredRoutes(PlatformConfig config) {
        List<Route> routes = new ArrayList<>();
        config.layers().forEach(l -> routes.addAll(l.routes(config.settings())));
        config.apps().forEach(a -> routes.addAll(a.routes(config.settings())));
        return routes;
    }

    static List<PlannedResource> gatewayPolicies(OfflineRun run) {
        return run.ofType(POLICY).stream().filter(p -> "istio-ingress".equals(p.input("metadata.namespace"))).toList();
    }

    /** The policies at the gateway that cover a route: same host and, for a path route, the path. */
    static List<PlannedResource> covering(OfflineRun run, Route route, String domain) {
        String host = route.hostName(domain);
        return gatewayPolicies(run).stream().filter(p -> {
            List<Map<String, Object>> rules = (List<Map<String, Object>>) p.input("spec.rules");
            return rules.stream().flatMap(r -> ((List<Map<String, Object>>) r.get("to")).stream()).anyMatch(to -> {
                Map<String, Object> op = (Map<String, Object>) to.get("operation");
                boolean hostMatches = ((List<String>) op.get("hosts")).contains(host);
                boolean pathMatches = route.path() == null || ((List<String>) op.getOrDefault("paths", List.of())).contains(route.path());
                return hostMatches && pathMatches;
            });
        }).toList();
    }

    @Test
    void everyPrivateRouteIsCoveredByTheSignInPolicyAndNoPublicRouteIs() {
        String domain = config.settings().knownDomain().orElseThrow();
        List<Route> routes = declaredRoutes(config);
        List<Route> privateRoutes = routes.stream().filter(r -> r.visibility() == Visibility.PRIVATE).toList();
        List<Route> publicRoutes = routes.stream().filter(r -> r.visibility() == Visibility.PUBLIC).toList();
        assertThat(privateRoutes).extracting(r -> r.url(domain)).contains("https://headlamp.codezero.localhost/",
                "https://kiali.codezero.localhost/", "https://grafana.codezero.localhost/", "https://adminer.codezero.localhost/",
                "https://codezero.localhost/files");
        assertThat(publicRoutes).extracting(r -> r.url(domain)).contains("https://git.codezero.localhost/", "https://auth.codezero.localhost/");
        // every declared route was really served
        Set<String> served = run.ofType(VIRTUAL_SERVICE).stream().map(v -> ((List<String>) v.input("spec.hosts")).get(0)).collect(Collectors.toSet());
        routes.forEach(r -> assertThat(served).contains(r.hostName(domain)));

        for (Route route : privateRoutes) {
            List<PlannedResource> policies = covering(run, route, domain);
            assertThat(policies).as(route.url(domain)).hasSize(1);
            PlannedResource policy = policies.get(0);
            assertThat(policy.input("spec.action")).isEqualTo("CUSTOM");
            assertThat((String) policy.input("spec.provider.name")).startsWith(SignInLayer.PROVIDER);
            assertThat(policy.input("spec.selector.matchLabels")).isEqualTo(IstioLayer.GATEWAY_SELECTOR);
        }
        for (Route route : publicRoutes) {
            assertThat(covering(run, route, domain)).as(route.url(domain) + " is public").isEmpty();
        }
        assertThat(gatewayPolicies(run)).as("with sign-in no private route is left denied to everyone")
                .noneMatch(p -> "DENY".equals(p.input("spec.action")));
    }

    @Test
    void onlyKialiGetsTheUsersIdToken() {
        Map<String, Object> providers = gatewayPolicies(run).stream().collect(Collectors.toMap(
                p -> (String) p.input("metadata.name"), p -> p.input("spec.provider.name")));
        assertThat(providers).containsEntry("sign-in-gui-kiali", SignInLayer.TOKEN_PROVIDER)
                .containsEntry("sign-in-gui-headlamp", SignInLayer.PROVIDER)
                .containsEntry("sign-in-dashboards-grafana", SignInLayer.PROVIDER)
                .containsEntry("sign-in-adminer-route-0", SignInLayer.PROVIDER);
    }

    @Test
    void theMeshConfigNamesBothExtensionProvidersAtTheSignInService() {
        List<Map<String, Object>> providers = (List<Map<String, Object>>) run.get(RELEASE, "dev-istiod").input("values.meshConfig.extensionProviders");
        assertThat(providers).extracting(p -> p.get("name")).containsExactly(SignInLayer.PROVIDER, SignInLayer.TOKEN_PROVIDER);
        for (Map<String, Object> provider : providers) {
            Map<String, Object> http = (Map<String, Object>) provider.get("envoyExtAuthzHttp");
            assertThat(http.get("service")).isEqualTo("oauth2-proxy.codezero-sign-in.svc.cluster.local");
            assertThat(((Number) http.get("port")).intValue()).isEqualTo(80);
            assertThat((List<String>) http.get("includeRequestHeadersInCheck")).contains("cookie");
            assertThat((List<String>) http.get("headersToUpstreamOnAllow")).contains("x-auth-request-user", "x-auth-request-email",
                    "x-auth-request-groups");
            assertThat((List<String>) http.get("headersToDownstreamOnDeny")).contains("location", "set-cookie");
        }
        Map<String, Object> token = (Map<String, Object>) providers.get(1).get("envoyExtAuthzHttp");
        assertThat((List<String>) token.get("headersToUpstreamOnAllow")).contains("authorization");
        Map<String, Object> identity = (Map<String, Object>) providers.get(0).get("envoyExtAuthzHttp");
        assertThat((List<String>) identity.get("headersToUpstreamOnAllow")).doesNotContain("authorization");
        // every policy names a provider the mesh knows
        Set<Object> names = providers.stream().map(p -> p.get("name")).collect(Collectors.toSet());
        gatewayPolicies(run).forEach(p -> assertThat(names).contains(p.input("spec.provider.name")));
    }

    @Test
    void secretsArePulumiSecretsAndNeverHelmValues() {
        PlannedResource credentials = run.get("kubernetes:core/v1:Secret", "dev-sign-in-credentials");
        assertThat(credentials.isSecretInput("stringData")).isTrue();
        assertThat(credentials.input("stringData.client-secret")).isEqualTo(CLIENT_SECRET);
        assertThat((String) credentials.input("stringData.cookie-secret")).isNotBlank();
        PlannedResource headlampOidc = run.get("kubernetes:core/v1:Secret", "dev-gui-headlamp-oidc");
        assertThat(headlampOidc.isSecretInput("stringData")).isTrue();
        assertThat(headlampOidc.input("stringData.OIDC_CLIENT_SECRET")).isEqualTo(CLIENT_SECRET);
        assertThat(run.get("random:index/randomPassword:RandomPassword", "dev-sign-in-cookie-secret").input("length")).isEqualTo(32.0);

        PlannedResource proxy = run.get(RELEASE, "dev-sign-in-oauth2-proxy");
        assertThat(proxy.input("values.config.existingSecret")).isEqualTo(SignInLayer.CREDENTIALS_SECRET);
        assertThat(run.get(RELEASE, "dev-gui-headlamp").input("values.config.oidc.externalSecret.name")).isEqualTo(ConsoleIdentity.HEADLAMP_OIDC_SECRET);
        String cookieSecret = (String) credentials.input("stringData.cookie-secret");
        for (PlannedResource r : run.resources()) {
            for (Map.Entry<String, Object> input : r.inputs().entrySet()) {
                if (!r.isSecretInput(input.getKey())) {
                    assertThat(String.valueOf(input.getValue())).as(r + "." + input.getKey()).doesNotContain(CLIENT_SECRET).doesNotContain(cookieSecret);
                }
            }
        }
    }

    @Test
    void oauth2ProxyIsTheIssuersClientWithTheCookieOnThePlatformDomain() {
        List<String> args = (List<String>) run.get(RELEASE, "dev-sign-in-oauth2-proxy").input("values.extraArgs");
        assertThat(args).contains("--provider=oidc", "--oidc-issuer-url=https://login.example.com/realms/dev",
                "--redirect-url=https://auth.codezero.localhost/oauth2/callback", "--cookie-domain=.codezero.localhost",
                "--whitelist-domain=.codezero.localhost", "--cookie-secure=true", "--set-xauthrequest=true",
                "--allowed-group=platform-admins");
        assertThat(run.get(RELEASE, "dev-sign-in-oauth2-proxy").input("values.config.upstreams")).isEqualTo(List.of("static://200"));
        // sign-in waits for the mesh's config objects, not the other way round
        PlannedResource callback = run.get(VIRTUAL_SERVICE, "dev-sign-in-route");
        assertThat(run.dependsOn(callback, run.get(RELEASE, "dev-istiod"))).isTrue();
        assertThat(run.dependsOn(run.get(RELEASE, "dev-istiod"), run.get(RELEASE, "dev-sign-in-oauth2-proxy"))).isFalse();
    }

    @Test
    void consolesUseTheSignedInIdentity() {
        Map<String, Object> grafanaIni = (Map<String, Object>) ((Map<String, Object>) run.get(RELEASE, "dev-dashboards-grafana").input("values"))
                .get("grafana.ini");
        Map<String, Object> proxy = (Map<String, Object>) grafanaIni.get("auth.proxy");
        assertThat(proxy).containsEntry("enabled", true).containsEntry("header_name", "X-Auth-Request-Email").containsEntry("auto_sign_up", true);
        assertThat(run.get(RELEASE, "dev-gui-kiali").input("values.auth.strategy")).isEqualTo("header");
        assertThat(run.get(RELEASE, "dev-gui-headlamp").input("values.config.oidc.externalSecret.enabled")).isEqualTo(true);
        assertThat(run.get("kubernetes:core/v1:Secret", "dev-gui-headlamp-oidc").input("stringData.HEADLAMP_CONFIG_OIDC_CALLBACK_URL"))
                .isEqualTo("https://headlamp.codezero.localhost/oidc-callback");
    }

    @Test
    void consoleServiceAccountsHaveOnlyViewOrEditRights() {
        for (String access : List.of("view", "edit")) {
            PlannedResource account = run.get("kubernetes:core/v1:ServiceAccount", "dev-gui-console-" + access);
            assertThat(account.input("metadata.name")).isEqualTo("codezero-console-" + access);
            assertThat(account.input("automountServiceAccountToken")).isEqualTo(false);
            PlannedResource binding = run.get("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "dev-gui-console-" + access + "-binding");
            assertThat(binding.input("roleRef.name")).isEqualTo(access);
            assertThat(binding.input("subjects.0.name")).isEqualTo("codezero-console-" + access);
        }
        assertThat(run.ofType("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"))
                .noneMatch(b -> "cluster-admin".equals(b.input("roleRef.name")));
    }

    @Test
    void withoutSignInPrivateRoutesStayClosedAndTheMeshHasNoProvider() {
        PlatformConfig plain = FakeCluster.read(platform(null));
        OfflineRun without = FakeCluster.plan(plain);
        assertThat(without.succeeded()).as(without.failure()).isTrue();
        String domain = plain.settings().knownDomain().orElseThrow();
        for (Route route : declaredRoutes(plain)) {
            List<PlannedResource> policies = covering(without, route, domain);
            if (route.visibility() == Visibility.PRIVATE) {
                assertThat(policies).as(route.url(domain)).singleElement().satisfies(p -> assertThat(p.input("spec.action")).isEqualTo("DENY"));
            } else {
                assertThat(policies).isEmpty();
            }
        }
        assertThat(gatewayPolicies(without)).noneMatch(p -> "CUSTOM".equals(p.input("spec.action")));
        assertThat(without.get(RELEASE, "dev-istiod").input("values.meshConfig.extensionProviders")).isNull();
        assertThat(without.get(RELEASE, "dev-gui-kiali").input("values.auth.strategy")).isEqualTo("token");
        assertThat(without.find(RELEASE, "dev-sign-in-oauth2-proxy")).isEmpty();
        assertThat(String.valueOf(without.get(RELEASE, "dev-dashboards-grafana").input("values"))).doesNotContain("auth.proxy");
    }

    @Test
    void theSameSignInTwiceRegistersTheSameInputs() {
        OfflineRun second = FakeCluster.plan(FakeCluster.read(platform(signIn())));
        Map<String, Object> first = new java.util.TreeMap<>();
        run.resources().forEach(r -> first.put(r.urn(), r.inputs()));
        Map<String, Object> again = new java.util.TreeMap<>();
        second.resources().forEach(r -> again.put(r.urn(), r.inputs()));
        assertThat(again).isEqualTo(first);
    }

    // ---- bad input: each refused before anything is registered, with the path the user wrote and what would be valid

    static List<Problem> problems(Map<String, Object> signIn) {
        ConfigObject object = ConfigObject.root("platform", platform(signIn), FakeCluster.SECRET_PLATFORM_KEY);
        PlatformConfig read = PlatformConfig.read(object);
        List<Problem> all = new ArrayList<>(object.problems());
        all.addAll(read.validate());
        return all;
    }

    static Problem only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void anIssuerThatIsNotHttpsIsRefused() {
        Map<String, Object> signIn = signIn();
        signIn.put("issuer", "http://login.example.com/realms/dev");
        Problem problem = only(problems(signIn));
        assertThat(problem.toString()).contains("platform.signIn.issuer").contains("http://login.example.com").contains("https://");
    }

    @Test
    void aMissingClientSecretIsRefusedWithHowToSetItAsASecret() {
        Map<String, Object> signIn = signIn();
        signIn.remove("clientSecret");
        assertThat(only(problems(signIn)).toString()).contains("platform.signIn.clientSecret").contains("pulumi config set --secret");
    }

    @Test
    void aCookieDomainThatDoesNotCoverTheConsolesIsRefused() {
        Map<String, Object> signIn = signIn();
        signIn.put("cookieDomain", "other.example.com");
        assertThat(only(problems(signIn)).toString()).contains("platform.signIn.cookieDomain").contains("other.example.com")
                .contains("codezero.localhost");
        signIn.put("cookieDomain", "localhost");
        assertThat(only(problems(signIn)).toString()).contains("two labels");
        // the platform domain itself and a parent of it are fine
        assertThat(SignInLayer.builder().issuer("https://i.example.com").clientId("c").clientSecret("s").allowedEmails(List.of("a@example.com"))
                .cookieDomain("example.com").build().validate(PlatformSettings.defaults().withDomain("dev.example.com"))).isEmpty();
    }

    @Test
    void signInWithNobodyAllowedIsRefused() {
        Map<String, Object> signIn = signIn();
        signIn.remove("allowedGroups");
        assertThat(only(problems(signIn)).toString()).contains("platform.signIn.allowedGroups").contains("allowedEmails");
        signIn.put("allowedEmails", List.of("not-an-address"));
        assertThat(only(problems(signIn)).toString()).contains("platform.signIn.allowedEmails[0]");
    }

    @Test
    void everySignInProblemIsReportedAtOnceAndNothingIsRegistered() {
        Map<String, Object> signIn = new HashMap<>(Map.of("issuer", "ftp://x", "cookieDomain", "elsewhere.org"));
        List<Problem> problems = problems(signIn);
        assertThat(problems).extracting(Problem::field).contains("platform.signIn.issuer", "platform.signIn.clientId",
                "platform.signIn.clientSecret", "platform.signIn.allowedGroups", "platform.signIn.cookieDomain");
        Map<String, Object> platform = platform(signIn);
        OfflineRun failed = FakeCluster.planExpectingFailure(platform);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.resources()).noneMatch(r -> r.type().startsWith("kubernetes:") && !r.isProvider());
    }

    @Test
    void signInNeedsTheMesh() {
        Map<String, Object> platform = new HashMap<>(Map.of("signIn", signIn()));
        List<Problem> problems = new ArrayList<>();
        ConfigObject object = ConfigObject.root("platform", platform, FakeCluster.SECRET_PLATFORM_KEY);
        problems.addAll(object.problems());
        problems.addAll(PlatformConfig.read(object).validate());
        assertThat(problems).extracting(Problem::toString).anyMatch(p -> p.contains("platform.signIn") && p.contains("platform.istio"));
    }

    @Test
    void aSignInLayerInCodeThatIstioWasNotToldOfIsAProblem() {
        SignInLayer signIn = SignInLayer.builder().issuer("https://i.example.com").clientId("c").clientSecret("s")
                .allowedGroups(List.of("ops")).build();
        PlatformConfig unwired = new PlatformConfig(PlatformSettings.defaults(), List.of(IstioLayer.builder().build(), signIn), List.of());
        assertThat(unwired.validate()).extracting(Problem::toString)
                .anyMatch(p -> p.contains("platform.istio") && p.contains("IstioLayer.builder().signIn(signInLayer.externalAuthorization())"));
        PlatformConfig wired = new PlatformConfig(PlatformSettings.defaults(),
                List.of(IstioLayer.builder().signIn(signIn.externalAuthorization()).build(), signIn), List.of());
        assertThat(wired.validate()).isEmpty();
    }

    @Test
    void istioJwtAuthAndSignInTogetherAreAProblem() {
        Map<String, Object> platform = platform(signIn());
        Map<String, Object> istio = new HashMap<>((Map<String, Object>) platform.get("istio"));
        istio.put("auth", Map.of("issuer", "https://login.example.com", "jwksUri", "https://login.example.com/keys"));
        platform.put("istio", istio);
        ConfigObject object = ConfigObject.root("platform", platform, FakeCluster.SECRET_PLATFORM_KEY);
        List<Problem> problems = PlatformConfig.read(object).validate();
        assertThat(problems).extracting(Problem::field).contains("platform.istio.auth");
    }

    @Test
    void theClientSecretIsNeverPrinted() {
        SignInLayer layer = SignInLayer.builder().issuer("https://i.example.com").clientId("c").clientSecret(CLIENT_SECRET).build();
        assertThat(layer.options().toString()).doesNotContain(CLIENT_SECRET);
    }
}
