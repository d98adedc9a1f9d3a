package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's server against a real kube-apiserver seeded with examples/minikube's e2e plan: the safety rules
 * (token, Host header, no secret value) and what the pages say, read over HTTP.
 */
class ConsoleServerApiTest {
    static TestCluster cluster;
    static List<Map<String, Object>> objects;
    static ConsoleServer server;
    static HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static String cookie;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.get();
        objects = TestCluster.planned("e2e");
        cluster.seed(objects);
        // a Helm release record as Helm stores it (a Secret labelled owner=helm, name, status, version): the overview reads
        // its labels, never its value
        cluster.create(Map.of("apiVersion", "v1", "kind", "Secret", "type", "helm.sh/release.v1",
                "metadata", Map.of("name", "sh.helm.release.v1.kiali.v2", "namespace", "codezero-gui",
                        "labels", Map.of("owner", "helm", "name", "kiali", "status", "deployed", "version", "2")),
                "stringData", Map.of("release", "x")));
        cluster.awaitAppsReady(objects);
        Path file = TestCluster.writeObjects(objects, Path.of("target/console-api/objects.yaml"));
        server = new ConsoleServer(cluster.admin, "https://127.0.0.1", Declared.read(file,
                Optional.of(TestCluster.EXAMPLE.resolve("Pulumi.e2e.yaml"))), 0);
        HttpResponse<String> first = get(server.url().substring(("http://127.0.0.1:" + server.port()).length()), null, null);
        assertThat(first.statusCode()).isEqualTo(303);
        cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A request with another Host header (the JDK's client will not send one), over a plain socket. */
    static String rawGet(String path, String cookie, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> get(String path, String cookie, String host) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (host != null) {
            b.setHeader("Host", host);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheTokenOrItsCookieNothingIsShown() throws Exception {
        HttpResponse<String> r = get("/", null, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("git");
        assertThat(get("/apps/git", null, null).statusCode()).isEqualTo(403);
        assertThat(get("/apps/git", "codezero-console=guess", null).statusCode()).isEqualTo(403);
        // the page's script is served by the console itself, behind the same check
        assertThat(get(Pages.HTMX, null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> htmx = get(Pages.HTMX, cookie, null);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void theUrlsTokenWorksOnceAndTheSessionCookieIsHttpOnlyAndStrict() throws Exception {
        String url = server.url();
        HttpResponse<String> again = get(url.substring(url.indexOf("/?")), null, null);
        assertThat(again.statusCode()).as("the token was spent by the first visit").isEqualTo(403);
        assertThat(get("/", cookie, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        String refused = rawGet("/", cookie, "attacker.example:" + server.port());
        assertThat(refused).startsWith("HTTP/1.1 403").contains("DNS rebinding").doesNotContain("data-app");
        assertThat(rawGet("/", cookie, "localhost:" + server.port())).startsWith("HTTP/1.1 200").contains("data-app=\"git\"");
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        // the kernel's own tables of listening TCP sockets: the console's port is bound to 127.0.0.1 only (as IPv4, or as
        // the IPv4-mapped ::ffff:127.0.0.1 of a dual-stack JVM socket), never to a wildcard or another address
        String port = String.format("%04X", server.port());
        List<String> listening = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            java.nio.file.Files.readAllLines(Path.of(table)).stream().skip(1).map(l -> l.trim().split("\\s+"))
                    .filter(f -> f[1].endsWith(":" + port) && f[3].equals("0A")).forEach(f -> listening.add(f[1]));
        }
        assertThat(listening).isNotEmpty().allMatch(a -> a.equals("0100007F:" + port) || a.equals("0000000000000000FFFF00000100007F:" + port));
    }

    @Test
    void theOverviewShowsEveryAppOfThePlanWithItsRouteAndEveryLayer() throws Exception {
        String page = get("/", cookie, null).body();
        for (Map<String, Object> o : objects) {
            Map<?, ?> labels = (Map<?, ?>) ((Map<?, ?>) o.get("metadata")).get("labels");
            if ("Deployment".equals(o.get("kind"))) {
                assertThat(page).contains("data-app=\"" + labels.get("app.kubernetes.io/name") + "\"");
            }
            if ("Namespace".equals(o.get("kind")) && labels.containsKey("codezero.io/component") && !"app".equals(labels.get("codezero.io/component"))) {
                assertThat(page).contains("data-layer=\"" + labels.get("codezero.io/component") + "\"");
            }
        }
        assertThat(page).contains("https://git.e2e.codezero.localhost/").contains("kiali: deployed, revision 2");
        assertThat(page).containsPattern("data-app=\"git\".*?healthy.*?1 / 1.*?https://git.e2e.codezero.localhost/.*?public");
        assertThat(page).contains("https://headlamp.e2e.codezero.localhost/").contains("private (sign-in)");
    }

    @Test
    void anAppsPageShowsItsRouteLinksWorkloadsVolumesAndSaysWhenThereIsNoPrometheus() throws Exception {
        String git = get("/apps/git", cookie, null).body();
        assertThat(git).contains("https://git.e2e.codezero.localhost/").contains("link-out").contains("/apps/db").contains("postgres");
        assertThat(git).contains("git-data").contains("Pulumi.e2e.yaml:").contains("codezero:platform.apps[2]");
        // the metrics layer's namespace is there, its chart's Prometheus is not (the plan's objects leave Helm's out)
        assertThat(git).contains("no Prometheus Service (port 9090)").doesNotContain("no metrics layer");
        String db = get("/apps/db", cookie, null).body();
        assertThat(db).contains("link-in").contains("/apps/git").contains("No route");
        assertThat(get("/apps/db/logs", cookie, null).body()).contains("db-");
        assertThat(get("/apps/nope", cookie, null).statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusIsAskedThroughTheApiServersServiceProxyAndItsSilenceIsShown() throws Exception {
        // the Service the metrics layer's chart makes (MetricsLayer: http://codezero-prometheus.<ns>.svc:9090), with no pod behind it
        cluster.create(Map.of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", "codezero-prometheus", "namespace", "codezero-metrics"),
                "spec", Map.of("selector", Map.of("app.kubernetes.io/name", "prometheus"), "ports", List.of(Map.of("name", "http-web", "port", 9090)))));
        String git = get("/apps/git", cookie, null).body();
        assertThat(git).contains("Prometheus (codezero-metrics/codezero-prometheus) did not answer through the API server&#39;s service proxy");
    }

    @Test
    void theCommandWithoutANameServesTheConsoleAndPrintsItsUrl() throws Exception {
        ServeCommand command = new ServeCommand();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        command.out = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                new picocli.CommandLine(command).execute("--kubeconfig", cluster.kubeconfig.toString(), "--objects", "target/console-api/objects.yaml"));
        for (int i = 0; i < 200 && command.server == null; i++) {
            Thread.sleep(50);
        }
        assertThat(command.server).as(out.toString()).isNotNull();
        Thread.sleep(100);
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(printed).contains("CodeZero console: http://127.0.0.1:" + command.server.port() + "/?token=");
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(command.server.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(303);
        command.stop.countDown();
        assertThat(exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(ConsoleMain.named(List.of("--kubeconfig", cluster.kubeconfig.toString()))).isFalse();
    }

    @Test
    void aMissingObjectsFileIsRefusedBeforeAnythingConnects() {
        ServeCommand command = new ServeCommand();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        command.err = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new picocli.CommandLine(command).execute("--kubeconfig", "no-such-kubeconfig", "--objects", "no-such.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--objects no-such.yaml: no such readable file").contains("--objects-out");
    }

    @Test
    void withoutAMetricsLayerTheAppPageSaysSo() {
        Snapshot s = new Snapshot("https://x", "v1.34.0", 1, 1, List.of(), List.of(new AppState("web", "web", 1, 1, List.of())), List.of(), List.of(), List.of());
        String page = Pages.app(s, s.apps().get(0), new AppDetails(List.of(), List.of(), List.of()), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(page).contains("no metrics layer");
    }

    @Test
    void aPodWhoseReadinessProbeFailsShowsTheProbeTheKubeletsMessageAndItsRestarts() throws Exception {
        // A pod of git as the app's Deployment declares it, on a node no kwok stage manages, whose status is then written as
        // a kubelet writes a failing readiness probe. Its own controller (a ConfigMap) keeps the ReplicaSet from adopting it.
        Map<String, Object> owner = Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "probe-test", "namespace", "git"));
        cluster.create(owner);
        String uid = cluster.admin.get("/api/v1/namespaces/git/configmaps/probe-test").getAsJsonObject("metadata").get("uid").getAsString();
        Map<?, ?> template = objects.stream().filter(o -> "Deployment".equals(o.get("kind")) && "git".equals(((Map<?, ?>) o.get("metadata")).get("name")))
                .map(o -> (Map<?, ?>) ((Map<?, ?>) o.get("spec")).get("template")).findFirst().orElseThrow();
        Map<String, Object> spec = new java.util.LinkedHashMap<>(cast(template.get("spec")));
        spec.put("nodeName", "kubelet-gone");
        cluster.create(Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", "git-probe-test", "namespace", "git",
                "labels", ((Map<?, ?>) template.get("metadata")).get("labels"), "ownerReferences",
                List.of(Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "probe-test", "uid", uid, "controller", true))), "spec", spec));
        cluster.kubectl("patch", "pod", "git-probe-test", "-n", "git", "--subresource=status", "--type=merge", "-p", """
                {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],
                 "containerStatuses":[{"name":"git","ready":false,"restartCount":3,"image":"gitea","imageID":"",
                   "state":{"running":{"startedAt":"2026-12-07T06:00:00Z"}}}]}}""");
        cluster.create(Map.of("apiVersion", "v1", "kind", "Event", "metadata", Map.of("name", "git-probe-test.unhealthy", "namespace", "git"),
                "involvedObject", Map.of("kind", "Pod", "name", "git-probe-test", "namespace", "git"), "reason", "Unhealthy", "type", "Warning",
                "message", "Readiness probe failed: HTTP probe failed with statuscode: 503", "lastTimestamp", "2026-12-07T06:01:00Z"));
        try {
            String page = get("/apps/git", cookie, null).body();
            assertThat(page).containsPattern("git-probe-test</td><td>Running</td><td>no</td><td>3</td><td class=\"warn\">readiness httpGet "
                    + "/api/healthz port 3000: Readiness probe failed: HTTP probe failed with statuscode: 503");
        } finally {
            cluster.kubectl("delete", "pod", "git-probe-test", "-n", "git", "--grace-period=0", "--force", "--wait=false");
        }
    }

    @Test
    void withTheConsoleViewAccountsRightsThePagesLoadWithoutSecrets() throws Exception {
        // the plan's own view account (GuiLayer: codezero-console-view, bound to Kubernetes' view role), which may not list Secrets
        com.google.gson.JsonObject request = com.google.gson.JsonParser.parseString(
                "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\",\"spec\":{\"expirationSeconds\":600}}").getAsJsonObject();
        String token = cluster.admin.post("/api/v1/namespaces/codezero-gui/serviceaccounts/codezero-console-view/token", request)
                .getAsJsonObject("status").get("token").getAsString();
        Map<String, Object> root = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(cluster.kubeconfig));
        Map<String, Object> user = cast(((Map<?, ?>) ((List<?>) root.get("users")).get(0)).get("user"));
        user.clear();
        user.put("token", token);
        io.codezero.stacks.console.KubeApi viewer = new io.codezero.stacks.console.KubeApi(io.codezero.stacks.console.Kubeconfig.parse(
                new org.yaml.snakeyaml.Yaml().dump(root), cluster.work));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> viewer.getMetadata("/api/v1/secrets"))
                .isInstanceOfSatisfying(io.codezero.stacks.console.KubeApi.ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        Snapshot s = new ClusterReader(viewer).read("https://127.0.0.1");
        assertThat(s.apps()).extracting(AppState::name).contains("cache", "db", "git");
        assertThat(s.hidden()).contains("nodes", "secrets");
        assertThat(s.layer("gui").orElseThrow().releases()).isEmpty();
        assertThat(Pages.overview(s, List.of())).contains("This kubeconfig may not list nodes").contains("data-app=\"git\"");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    @Test
    void noPageEverShowsASecretsValue() throws Exception {
        for (String path : List.of("/", "/apps/git", "/apps/db", "/apps/cache", "/apps/git/logs", "/map", "/drift")) {
            HttpResponse<String> r = get(path, cookie, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(TestCluster.SECRET_SENTINEL);
        }
    }

    @Test
    void theDriftPageNamesTheConfigLineOfEachDeclaredApp() throws Exception {
        String drift = get("/drift", cookie, null).body();
        for (Declared.App app : Declared.read(Path.of("target/console-api/objects.yaml"),
                Optional.of(TestCluster.EXAMPLE.resolve("Pulumi.e2e.yaml"))).apps()) {
            assertThat(drift).contains(app.configLine());
        }
        assertThat(drift).contains("Pulumi.e2e.yaml:");
    }
}
