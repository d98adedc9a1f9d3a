package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.Issuer;
import io.codezero.platform.mesh.Routes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@link IstioGatewayModel}, which {@link AcmeHttp01Test} proves the ACME HTTP-01 routing with, checked against istiod
 * itself: for each case the plan's Gateways, VirtualServices and IngressClass, and with ACME the Ingress cert-manager
 * creates for each challenged name, went through istiod's own gateway configuration generator and Envoy route
 * simulation ({@code e2e/toolchain/istio-routes}, istio.io/istio at the release-1.31 commit its go.mod pins), which
 * answered every request (port, host, path) of the case. The answers are kept in
 * {@code src/test/resources/istiod-routes/CASE.istiod.json} next to the input istiod read ({@code CASE.input.yaml}).
 * <p>
 * When the plan's objects change, the input test fails until the files are regenerated:
 * {@code e2e/istiod-routes.sh} (writes the inputs with {@code -Dcodezero.istiodRoutes.write=true}, then runs istiod).
 * When the model stops routing as istiod does, the answer test fails naming each request that differs.
 */
class IstiodRoutingTest {
    static final Path DIR = Path.of("src/test/resources/istiod-routes");
    static final String KUBE_INGRESS_CLASS = "kubernetes:networking.k8s.io/v1:IngressClass";
    /** The gateway pods' namespace: platform.istio.gateway.namespace's default, which these plans keep. */
    static final String GATEWAY_NAMESPACE = "istio-ingress";

    /** One plan: with or without sign-in, with the ACME issuer or the self-signed one. */
    record Case(String name, boolean signIn, boolean acme) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Each case's plan, made once for both tests (a plan takes a while on a loaded machine). */
    private static final Map<Case, OfflineRun> PLANS = new ConcurrentHashMap<>();

    static OfflineRun plan(Case c) {
        return PLANS.computeIfAbsent(c, k -> AcmeHttp01Test.plan(k.signIn(), k.acme()));
    }

    static Stream<Case> cases() {
        return Stream.of(new Case("self-signed", false, false), new Case("self-signed-sign-in", true, false),
                new Case("acme", false, true), new Case("acme-sign-in", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void istiodReadTheObjectsThisPlanAuthorsToday(Case c) throws IOException {
        Map<String, Object> input = input(plan(c), c.acme());
        Path file = DIR.resolve(c.name() + ".input.yaml");
        if (Boolean.getBoolean("codezero.istiodRoutes.write")) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.createDirectories(DIR);
            Files.writeString(file, "# written by IstiodRoutingTest for e2e/istiod-routes.sh: do not edit\n" + new Yaml(options).dump(input));
        }
        assertThat(Files.exists(file)).as(file + " exists (e2e/istiod-routes.sh writes it)").isTrue();
        assertThat(inAnyOrder(new Yaml().load(Files.readString(file))))
                .as("the plan's Istio objects or the requests changed since istiod answered them: run e2e/istiod-routes.sh")
                .isEqualTo(inAnyOrder(new Yaml().load(new Yaml().dump(input))));
    }

    /**
     * The input with its lists of objects and requests sorted: istiod reads them as sets, and the plan registers
     * resources in whatever order their Outputs settle, so only what is in them is compared.
     */
    static Object inAnyOrder(Map<String, Object> input) {
        Map<String, Object> sorted = new TreeMap<>();
        input.forEach((key, value) -> sorted.put(key, sortedKeys(value)));
        for (String key : List.of("istio", "kube", "queries")) {
            if (sorted.get(key) instanceof List<?> list) {
                sorted.put(key, list.stream().sorted(Comparator.comparing(String::valueOf)).toList());
            }
        }
        return sorted;
    }

    /** Maps with their keys in one order (Map.of iterates in a different one on every run). */
    static Object sortedKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sortedKeys(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(IstiodRoutingTest::sortedKeys).toList();
        }
        return value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theModelRoutesEveryRequestAsIstiodDoes(Case c) throws IOException {
        OfflineRun run = plan(c);
        IstioGatewayModel model = IstioGatewayModel.of(run, IstioLayer.GATEWAY_SELECTOR);
        if (c.acme()) {
            challenged(run).forEach(name -> model.withSolverIngress(name, AcmeHttp01Test.TOKEN));
        }
        List<Map<String, Object>> answers = new Yaml().load(Files.readString(DIR.resolve(c.name() + ".istiod.json")));
        assertThat(answers).as("istiod answered every request of the case").hasSize(queries(run).size());
        List<String> differ = new ArrayList<>();
        int challengesSolved = 0;
        for (Map<String, Object> a : answers) {
            int port = ((Number) a.get("port")).intValue();
            String host = (String) a.get("host");
            String path = (String) a.get("path");
            String ours = model.route(port, host, path).toString();
            if (!ours.equals(a.get("answer"))) {
                differ.add(port + " " + host + path + ": istiod " + a.get("answer") + ", model " + ours);
            }
            challengesSolved += ("backend " + IstioGatewayModel.SOLVER).equals(a.get("answer")) ? 1 : 0;
        }
        assertThat(differ).as("requests the model routes unlike istiod").isEmpty();
        assertThat(challengesSolved).as("istiod sends each name's challenge to the solver")
                .isEqualTo(c.acme() ? challenged(run).size() : 0);
    }

    @Test
    void docsPlatformSaysHowManyRequestsIstiodAnswered() throws IOException {
        int requests = cases().mapToInt(c -> queries(plan(c)).size()).sum();
        assertThat(Files.readString(Path.of("../docs/platform.md")).replaceAll("\\s+", " "))
                .contains("answered " + requests + " requests");
    }

    /** What e2e/toolchain/istio-routes reads: the gateway pods' labels and namespace, the objects, the requests. */
    static Map<String, Object> input(OfflineRun run, boolean acme) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("selector", IstioLayer.GATEWAY_SELECTOR);
        input.put("namespace", GATEWAY_NAMESPACE);
        List<Object> istio = new ArrayList<>();
        run.ofType(IstioGatewayModel.GATEWAY).forEach(r -> istio.add(object(r)));
        run.ofType(IstioGatewayModel.VS).forEach(r -> istio.add(object(r)));
        input.put("istio", istio);
        List<Object> kube = new ArrayList<>();
        run.ofType(KUBE_INGRESS_CLASS).forEach(r -> kube.add(object(r)));
        if (acme) {
            List<String> names = challenged(run);
            for (int i = 0; i < names.size(); i++) {
                kube.add(solverIngress(i, names.get(i)));
            }
        }
        input.put("kube", kube);
        input.put("queries", queries(run));
        return wholeNumbers(input);
    }

    /** The engine hands numbers over as doubles; ports and counts are written as the integers they are. */
    @SuppressWarnings("unchecked")
    static <T> T wholeNumbers(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, wholeNumbers(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(IstiodRoutingTest::wholeNumbers).toList();
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return (T) (Object) d.longValue();
        }
        return value;
    }

    /** The object as the plan registers it (apiVersion, kind, metadata, spec). */
    static Map<String, Object> object(PlannedResource r) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key : List.of("apiVersion", "kind", "metadata", "spec")) {
            if (r.inputs().get(key) != null) {
                object.put(key, r.inputs().get(key));
            }
        }
        return object;
    }

    /** The names an ACME order challenges: the certificate's, none of them a wildcard (HTTP-01 cannot prove one). */
    static List<String> challenged(OfflineRun run) {
        return AcmeHttp01Test.certificateNames(run).stream().filter(n -> !n.startsWith("*")).toList();
    }

    /**
     * The Ingress cert-manager's HTTP-01 solver creates for one challenge (pkg/issuer/acme/http/ingress.go
     * buildIngressResource): the issuer's ingress class, one rule for the challenged host with the token's path as an
     * implementation-specific path, to the solver's Service on port 8089, in the Certificate's namespace.
     */
    static Map<String, Object> solverIngress(int index, String host) {
        String service = IstioGatewayModel.SOLVER.substring(0, IstioGatewayModel.SOLVER.indexOf('.'));
        String namespace = IstioGatewayModel.SOLVER.split("\\.")[1];
        return Map.of("apiVersion", "networking.k8s.io/v1", "kind", "Ingress",
                "metadata", Map.of("name", "cm-acme-http-solver-" + index, "namespace", namespace),
                "spec", Map.of("ingressClassName", Issuer.HTTP01_INGRESS_CLASS, "rules", List.of(Map.of("host", host,
                        "http", Map.of("paths", List.of(Map.of("path", AcmeHttp01Test.CHALLENGE, "pathType", "ImplementationSpecific",
                                "backend", Map.of("service", Map.of("name", service, "port", Map.of("number", 8089))))))))));
    }

    /** Every host the plan names or routes, one it does not, on ports 80 and 443, for the paths routes and policies name. */
    static List<Map<String, Object>> queries(OfflineRun run) {
        Set<String> hosts = new LinkedHashSet<>(AcmeHttp01Test.certificateNames(run).stream().filter(n -> !n.startsWith("*")).toList());
        hosts.addAll(AcmeHttp01Test.routedHosts(run));
        hosts.add("no-route." + AcmeHttp01Test.DOMAIN);
        List<String> paths = new ArrayList<>(List.of("/", "/some/page", AcmeHttp01Test.CHALLENGE, Routes.ACME_CHALLENGE_PATH + "unknown-token"));
        paths.addAll(AcmeHttp01Test.routedPaths(run));
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int port : List.of(80, 443)) {
            for (String host : hosts) {
                for (String path : paths) {
                    queries.add(Map.of("port", port, "host", host, "path", path));
                }
            }
        }
        return queries;
    }
}
