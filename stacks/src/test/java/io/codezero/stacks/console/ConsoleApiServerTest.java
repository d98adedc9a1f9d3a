package io.codezero.stacks.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.core.testing.TestPrerequisites;
import io.codezero.platform.layers.ConsoleIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code codezero console} against a real kube-apiserver (e2e/cluster.sh: etcd, kube-apiserver, controller-manager,
 * scheduler and kwok's simulated nodes). It answers the service and pod lookups, the TokenRequest, RBAC on the token,
 * and the port-forward request. What it cannot answer: there is no kubelet behind kwok's nodes, so the API server
 * accepts the forward request and then fails to reach a kubelet; no byte reaches a pod.
 *
 * <p>Uses the cluster at {@code CODEZERO_E2E_KUBECONFIG} if set, else starts its own with e2e/cluster.sh on its own ports
 * and state directory (so it never meets another run's cluster) when the toolchain's binaries exist.
 */
class ConsoleApiServerTest {
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path BIN = Path.of(System.getProperty("user.home"), ".cache/codezero-e2e/bin");
    static final Path WORK = Path.of("/tmp/codezero-console-test-" + ProcessHandle.current().pid());
    static final String NS = "codezero-gui";
    static Path kubeconfig;
    static boolean started;
    static KubeApi admin;

    @BeforeAll
    static void controlPlane() throws Exception {
        String given = System.getenv("CODEZERO_E2E_KUBECONFIG");
        if (given != null) {
            kubeconfig = Path.of(given);
        } else {
            boolean binaries = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok", "etcd").stream()
                    .allMatch(b -> Files.isExecutable(BIN.resolve(b)));
            TestPrerequisites.require(binaries, "a local control plane: kube-apiserver, controller-manager, scheduler, kwok and etcd in " + BIN
                    + " (bash e2e/toolchain.sh), or CODEZERO_E2E_KUBECONFIG naming a running one");
            ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("e2e/cluster.sh").toString(), "start").redirectErrorStream(true);
            pb.environment().putAll(clusterEnv());
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(log).isZero();
            started = true;
            kubeconfig = WORK.resolve("kubeconfig");
        }
        admin = new KubeApi(Kubeconfig.parse(Files.readString(kubeconfig), kubeconfig.getParent()));
        seed();
    }

    /** Ports chosen once per run from the free ones, so a run never meets another run's (or a helper's) control plane. */
    private static final Map<String, String> CLUSTER_ENV = Map.of("E2E_WORK", WORK.toString(),
            "E2E_APISERVER_PORT", freePort(), "E2E_ETCD_PORT", freePort(), "E2E_ETCD_PEER_PORT", freePort());

    static Map<String, String> clusterEnv() {
        return CLUSTER_ENV;
    }

    private static String freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (started) {
            ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("e2e/cluster.sh").toString(), "stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(clusterEnv());
            pb.start().waitFor();
        }
    }

    /** The name of the e2e-variants plan's route whose first entry redirects to HTTPS. */
    static String redirectingRoute;

    /** Creates a planned namespaced custom object (a VirtualService) in its namespace, creating the namespace first. */
    static void createObject(Map<String, Object> object) throws IOException {
        JsonObject json = new com.google.gson.Gson().toJsonTree(object).getAsJsonObject();
        String namespace = json.getAsJsonObject("metadata").get("namespace").getAsString();
        create("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}");
        String plural = json.get("kind").getAsString().toLowerCase(java.util.Locale.ROOT) + "s";
        create("/apis/" + json.get("apiVersion").getAsString() + "/namespaces/" + namespace + "/" + plural, json.toString());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static void create(String path, String body) throws IOException {
        try {
            admin.post(path, json(body));
        } catch (KubeApi.ApiException e) {
            if (e.status != 409) {
                throw e;
            }
        }
    }

    /** What the GUI layer and Istio would have made: a route CRD and object, Headlamp's Service and pod, the console accounts. */
    static void seed() throws Exception {
        create("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"virtualservices.networking.istio.io"},
                 "spec":{"group":"networking.istio.io","scope":"Namespaced",
                  "names":{"plural":"virtualservices","singular":"virtualservice","kind":"VirtualService"},
                  "versions":[{"name":"v1","served":true,"storage":true,
                   "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}""");
        for (int i = 0; i < 100; i++) {
            try {
                admin.get("/apis/networking.istio.io/v1/virtualservices");
                break;
            } catch (KubeApi.ApiException e) {
                Thread.sleep(200);
            }
        }
        create("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + NS + "\"}}");
        create("/api/v1/namespaces/" + NS + "/services", """
                {"metadata":{"name":"headlamp"},"spec":{"selector":{"app":"headlamp"},
                 "ports":[{"name":"http","port":80,"targetPort":"http"}]}}""");
        create("/api/v1/namespaces/" + NS + "/pods", """
                {"metadata":{"name":"headlamp-0","labels":{"app":"headlamp"}},
                 "spec":{"nodeName":"kwok-node-0","containers":[{"name":"headlamp","image":"ghcr.io/headlamp-k8s/headlamp:v0.38.0",
                  "ports":[{"name":"http","containerPort":4466}]}]}}""");
        // The routes as the program itself declares them (issue 28: no hand-copied route): every VirtualService of
        // examples/minikube's e2e plan, and one of the e2e-variants plan, whose ACME HTTP-01 issuer puts a port-80
        // redirect before the route (Routes.expose).
        for (Map<String, Object> route : E2ePlanObjects.ofKind("e2e", "VirtualService")) {
            createObject(route);
        }
        Map<String, Object> redirecting = E2ePlanObjects.ofKind("e2e-variants", "VirtualService").stream()
                .filter(vs -> {
                    List<?> http = (List<?>) ((Map<?, ?>) vs.get("spec")).get("http");
                    return http.size() == 2 && !((Map<?, ?>) http.get(0)).containsKey("route") && ((Map<?, ?>) http.get(1)).containsKey("route");
                })
                .findFirst().orElseThrow(() -> new AssertionError("the e2e-variants plan has no route with a redirect first"));
        redirectingRoute = E2ePlanObjects.name(redirecting);
        // renamed: the e2e plan's route of the same app has the same name
        Map<String, Object> renamed = new java.util.LinkedHashMap<>(redirecting);
        Map<String, Object> metadata = new java.util.LinkedHashMap<>(Kubeconfig.cast(redirecting.get("metadata")));
        metadata.put("name", redirectingRoute + "-acme");
        renamed.put("metadata", metadata);
        createObject(renamed);
        for (String access : ConsoleIdentity.ACCESS_ROLES.keySet()) {
            create("/api/v1/namespaces/" + NS + "/serviceaccounts", "{\"metadata\":{\"name\":\"" + ConsoleIdentity.serviceAccount(access) + "\"}}");
            create("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", """
                    {"metadata":{"name":"%s"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"%s"},
                     "subjects":[{"kind":"ServiceAccount","name":"%s","namespace":"%s"}]}"""
                    .formatted(ConsoleIdentity.serviceAccount(access), ConsoleIdentity.ACCESS_ROLES.get(access),
                            ConsoleIdentity.serviceAccount(access), NS));
        }
        // kwok marks the pod Running and Ready
        Consoles consoles = new Consoles(admin);
        Consoles.Backend backend = consoles.routes().get("https://headlamp.e2e.codezero.localhost/");
        for (int i = 0; i < 150; i++) {
            try {
                consoles.readyPod(backend);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("kwok never made headlamp-0 ready");
    }

    static ConsoleCommandTest.Run console(String... args) {
        return ConsoleCommandTest.run(new ConsoleCommand(), args);
    }

    @Test
    void listsTheConsolesItFindsInTheCluster() {
        for (String[] args : List.of(new String[] {"--kubeconfig", kubeconfig.toString()}, new String[] {"--list", "--kubeconfig", kubeconfig.toString()})) {
            ConsoleCommandTest.Run r = console(args);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("headlamp").contains("https://headlamp.e2e.codezero.localhost/");
        }
    }

    @Test
    void anUnknownConsoleIsRefusedWithTheListOfKnownOnes() {
        ConsoleCommandTest.Run r = console("kibana", "--kubeconfig", kubeconfig.toString());
        assertThat(r.exit()).isEqualTo(ConsoleCommand.INVALID_INPUT);
        assertThat(r.err()).contains("no console named \"kibana\"").contains("headlamp");
    }

    @Test
    void findsTheServiceAndAReadyPodWithTheNamedContainerPort() throws Exception {
        Consoles consoles = new Consoles(admin);
        Consoles.Backend backend = consoles.routes().get("https://headlamp.e2e.codezero.localhost/");
        assertThat(backend).isEqualTo(new Consoles.Backend("headlamp", "https://headlamp.e2e.codezero.localhost/", NS, "headlamp", 80));
        assertThat(consoles.readyPod(backend)).isEqualTo(new Consoles.Target("headlamp-0", 4466));
    }

    @Test
    void aRouteWhoseFirstEntryRedirectsToHttpsIsFoundByItsRoutingEntry() throws Exception {
        Map<String, Object> planned = E2ePlanObjects.ofKind("e2e-variants", "VirtualService").stream()
                .filter(vs -> E2ePlanObjects.name(vs).equals(redirectingRoute)).findFirst().orElseThrow();
        Map<?, ?> spec = (Map<?, ?>) planned.get("spec");
        String host = String.valueOf(((List<?>) spec.get("hosts")).get(0));
        Map<?, ?> destination = (Map<?, ?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) spec.get("http")).get(1)).get("route")).get(0))
                .get("destination");
        String[] service = String.valueOf(destination.get("host")).split("\\.");
        int port = ((Number) ((Map<?, ?>) destination.get("port")).get("number")).intValue();
        Consoles.Backend found = new Consoles(admin).routes().values().stream().filter(b -> b.url().startsWith("https://" + host + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("no route found for " + host));
        assertThat(found.namespace()).isEqualTo(service[1]);
        assertThat(found.service()).isEqualTo(service[0]);
        assertThat(found.servicePort()).isEqualTo(port);
    }

    @Test
    void theTokenHasTheAskedRightsAndNoMore() throws Exception {
        Consoles consoles = new Consoles(admin);
        String token = consoles.token(NS, ConsoleIdentity.serviceAccount("view"), 600);
        assertThat(token).isNotBlank();
        Path viewer = WORK.resolve("viewer.yaml");
        Files.createDirectories(WORK);
        String adminYaml = Files.readString(kubeconfig);
        // the same cluster and CA, the token instead of the admin's certificate
        Map<String, Object> root = new org.yaml.snakeyaml.Yaml().load(adminYaml);
        Map<String, Object> user = Kubeconfig.cast(((Map<?, ?>) ((List<?>) root.get("users")).get(0)).get("user"));
        user.clear();
        user.put("token", token);
        Files.writeString(viewer, new org.yaml.snakeyaml.Yaml().dump(root));
        KubeApi asViewer = new KubeApi(Kubeconfig.parse(Files.readString(viewer), WORK));
        assertThat(asViewer.get("/api/v1/namespaces/" + NS + "/pods").getAsJsonArray("items")).isNotEmpty();
        assertThatThrownBy(() -> asViewer.post("/api/v1/namespaces/" + NS + "/configmaps", json("{\"metadata\":{\"name\":\"x\"}}")))
                .isInstanceOfSatisfying(KubeApi.ApiException.class, e -> assertThat(e.status).isEqualTo(403));
        assertThatThrownBy(() -> asViewer.get("/api/v1/namespaces/" + NS + "/secrets"))
                .isInstanceOfSatisfying(KubeApi.ApiException.class, e -> assertThat(e.status).isEqualTo(403));
    }

    @Test
    void thePortForwardRequestReachesTheApiServer() throws Exception {
        // A pod that does not exist: the API server's port-forward handler looks it up and says so.
        try (PortForward missing = new PortForward(admin, NS, "no-such-pod", 4466, 0)) {
            PortForward.Answer answer = missing.check();
            assertThat(answer.connected()).isFalse();
            assertThat(answer.status()).isEqualTo(404);
            System.out.println("port-forward to a missing pod: " + answer.status() + " " + answer.message().trim());
        }
        // The real pod: authenticated, authorized and found; then the API server must reach the node's kubelet,
        // which kwok does not run. Whatever it answers, it is an HTTP answer from the API server, not a local failure.
        try (PortForward forward = new PortForward(admin, NS, "headlamp-0", 4466, 0)) {
            PortForward.Answer answer = forward.check();
            System.out.println("port-forward to headlamp-0 on a kwok node: " + answer);
            assertThat(answer.connected()).as("no kubelet runs behind kwok's nodes").isFalse();
            assertThat(answer.status()).isBetween(400, 599).isNotEqualTo(404).isNotEqualTo(401).isNotEqualTo(403);
        }
        ConsoleCommandTest.Run r = console("headlamp", "--kubeconfig", kubeconfig.toString(), "--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("headlamp: " + NS + "/headlamp:80 -> pod headlamp-0 port 4466");
        assertThat(r.err()).contains("the API server refused to forward to pod headlamp-0");
    }


}
