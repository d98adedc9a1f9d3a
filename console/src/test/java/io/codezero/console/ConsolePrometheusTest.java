package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.codezero.core.testing.TestPrerequisites;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.StackConfig;
import io.codezero.stacks.plan.PlannedObjects;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * An app's metrics and alerts as a real Prometheus (Debian's 2.42.0) answers them, reached the way the console reaches it
 * in a cluster: through the real kube-apiserver's service proxy to the metrics layer's Prometheus Service.
 *
 * <p>The Service is the one kube-prometheus-stack makes for the e2e stack: the pinned chart rendered by helm with the plan's
 * own values. Its selector is dropped and its Endpoints point at the test's Prometheus on this machine's non-loopback
 * address (the API server refuses loopback endpoints, and no kubelet runs pods here). Prometheus scrapes a small exposition
 * endpoint that serves the series the plan's apps would have, under the mesh's and cAdvisor's names and labels, and
 * evaluates the plan's own PrometheusRule groups, so alerts fire for real. The page's figures are checked against the same
 * PromQL asked of Prometheus at the instant the page states.
 */
class ConsolePrometheusTest {
    /** What the exposition endpoint's counters grow by per second, and the working set it reports. */
    static final double REQUESTS_OK = 8;
    static final double REQUESTS_5XX = 2;
    static final double CPU_CORES = 0.25;
    static final double MEMORY_BYTES = 128 * 1048576.0;
    /** Requests per second at or under each latency bucket's bound (ms): p95 lies in (100, 250], at 175 ms. */
    static final Map<String, Double> LATENCY_BUCKETS = linked("25", 5.0, "50", 8.0, "100", 9.0, "250", 10.0, "+Inf", 10.0);

    static TestCluster cluster;
    static List<Map<String, Object>> objects;
    static HttpServer exposition;
    static Process prometheus;
    static String prometheusUrl;
    static ConsoleServer server;
    static String cookie;
    static String gitPod;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Path binary = prometheusBinary();
        cluster = TestCluster.get();
        objects = TestCluster.planned("e2e");
        cluster.seed(objects);
        cluster.awaitAppsReady(objects);
        gitPod = Json.name(Json.arr(cluster.admin.get("/api/v1/namespaces/git/pods?labelSelector=" + ClusterReader.APP_NAME + "%3Dgit"), "items")
                .get(0).getAsJsonObject());
        Path work = Files.createDirectories(Path.of("target/console-prometheus").toAbsolutePath());

        long t0 = System.nanoTime();
        exposition = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exposition.createContext("/metrics", exchange -> {
            byte[] body = exposition((System.nanoTime() - t0) / 1e9).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        exposition.start();

        InetAddress host = hostAddress();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, host)) {
            port = s.getLocalPort();
        }
        prometheusUrl = "http://" + host.getHostAddress() + ":" + port;
        Files.writeString(work.resolve("rules.yml"), new Yaml().dump(Map.of("groups", ruleGroups(objects))));
        Files.writeString(work.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: mesh-and-cadvisor
                    honor_labels: true
                    static_configs: [{targets: ["127.0.0.1:%d"]}]
                """.formatted(exposition.getAddress().getPort()));
        deleteDirectory(work.resolve("data"));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=" + host.getHostAddress() + ":" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        awaitPrometheus(work.resolve("prometheus.log"));

        createPrometheusService(work, host.getHostAddress(), port);
        Path file = TestCluster.writeObjects(objects, work.resolve("objects.yaml"));
        server = new ConsoleServer(cluster.admin, "https://127.0.0.1", Declared.read(file,
                Optional.of(TestCluster.EXAMPLE.resolve("Pulumi.e2e.yaml"))), 0);
        HttpResponse<String> first = get(server.url().substring(("http://127.0.0.1:" + server.port()).length()));
        cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (cluster != null) {
            // the other tests of this JVM's cluster expect the metrics layer without a Prometheus Service
            cluster.kubectl("delete", "service,endpoints", "codezero-prometheus", "-n", "codezero-metrics", "--ignore-not-found");
            cluster.kubectl("delete", "pod", "prometheus-codezero-prometheus-0", "-n", "codezero-metrics", "--ignore-not-found",
                    "--grace-period=0", "--force");
        }
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        if (exposition != null) {
            exposition.stop(0);
        }
    }

    @Test
    void anAppsPageShowsPrometheusFiguresAsPromqlGivesThemAtTheSameInstant() throws Exception {
        String page = get("/apps/git").body();
        Matcher at = Pattern.compile("id=\"figures\" data-at=\"(\\d+)\"").matcher(page);
        assertThat(at.find()).as(page).isTrue();
        Instant instant = Instant.ofEpochMilli(Long.parseLong(at.group(1)));
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr><td>([^<]+)</td><td class=\"figure\">([^<]*)</td></tr>").matcher(page);
        while (row.find()) {
            shown.put(row.group(1), row.group(2));
        }
        // the test's own PromQL over the series the mesh (destination side) and cAdvisor report for the git namespace
        String mesh = "reporter=\"destination\",destination_workload_namespace=\"git\"";
        Map<String, String> promql = linked(
                "requests per second", "sum(rate(istio_requests_total{" + mesh + "}[5m]))",
                "errors per second (5xx)", "sum(rate(istio_requests_total{" + mesh + ",response_code=~\"5..\"}[5m]))",
                "latency p95 (ms)", "histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{" + mesh + "}[5m])))",
                "CPU (cores)", "sum(rate(container_cpu_usage_seconds_total{namespace=\"git\",container!=\"\"}[5m]))",
                "memory (MiB)", "sum(container_memory_working_set_bytes{namespace=\"git\",container!=\"\"}) / 1048576");
        Map<String, Double> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : promql.entrySet()) {
            expected.put(q.getKey(), instant(q.getValue(), instant));
        }
        System.out.printf(Locale.ROOT, "console git page at %s: shown %s; PromQL %s%n", instant, shown, expected);
        assertThat(shown.keySet()).containsExactlyElementsOf(promql.keySet());
        expected.forEach((name, value) -> assertThat(shown.get(name)).as(name).isEqualTo(Prometheus.format(Double.toString(value))));
        // and the figures are the exposition's: rate() of a series younger than its 5-minute window is scaled by the part of
        // the window it covers, alike for every series scraped together, so the ratios are the ones served
        double requests = expected.get("requests per second");
        assertThat(requests).isPositive();
        assertThat(expected.get("errors per second (5xx)") / requests).isCloseTo(REQUESTS_5XX / (REQUESTS_OK + REQUESTS_5XX), within(0.01));
        assertThat(expected.get("CPU (cores)") / requests).isCloseTo(CPU_CORES / (REQUESTS_OK + REQUESTS_5XX), within(0.001));
        assertThat(expected.get("latency p95 (ms)")).isCloseTo(175.0, within(1.0));
        assertThat(expected.get("memory (MiB)")).isEqualTo(128.0);
    }

    @Test
    void theAlertsFiringForAnAppFromThePlansOwnRulesAreOnItsPageAndNoOthers() throws Exception {
        List<String> firing = awaitFiring(List.of("CodeZeroMeshHighErrorRate", "CodeZeroPodCrashLooping", "CodeZeroIstiodDown"));
        String git = get("/apps/git").body();
        String alerts = git.substring(git.indexOf("<ul id=\"alerts\">"));
        alerts = alerts.substring(0, alerts.indexOf("</ul>"));
        System.out.println("Prometheus firing: " + firing + "; console git page: " + alerts);
        // the mesh's rule keeps only destination_service: the console matches it by the service's namespace
        assertThat(alerts).contains("CodeZeroMeshHighErrorRate: More than 5% of requests to git.git.svc.cluster.local fail");
        assertThat(alerts).contains("CodeZeroPodCrashLooping: Pod git/" + gitPod + " restarted more than 3 times in 15 minutes");
        // istiod's absence fires too, but is not git's
        assertThat(alerts).doesNotContain("CodeZeroIstiodDown");
        String db = get("/apps/db").body();
        assertThat(db.substring(db.indexOf("<ul id=\"alerts\">"))).startsWith("<ul id=\"alerts\"><li class=\"muted\">none</li>");
        assertThat(db).contains("<td>requests per second</td><td class=\"figure\">no data</td>");
    }

    /** The text exposition at {@code seconds} after the endpoint started: git's pod as the mesh and cAdvisor report it. */
    static String exposition(double seconds) {
        StringBuilder b = new StringBuilder();
        String dest = "reporter=\"destination\",source_workload=\"istio-ingressgateway\",source_workload_namespace=\"codezero-istio-gateway\","
                + "destination_workload=\"git\",destination_workload_namespace=\"git\",destination_service=\"git.git.svc.cluster.local\","
                + "destination_service_name=\"git\",destination_service_namespace=\"git\",request_protocol=\"http\","
                + "connection_security_policy=\"mutual_tls\"";
        b.append("# TYPE istio_requests_total counter\n");
        b.append("istio_requests_total{").append(dest).append(",response_code=\"200\"} ").append(REQUESTS_OK * seconds).append('\n');
        b.append("istio_requests_total{").append(dest).append(",response_code=\"503\"} ").append(REQUESTS_5XX * seconds).append('\n');
        b.append("# TYPE istio_request_duration_milliseconds histogram\n");
        LATENCY_BUCKETS.forEach((le, perSecond) -> b.append("istio_request_duration_milliseconds_bucket{").append(dest).append(",le=\"").append(le)
                .append("\"} ").append(perSecond * seconds).append('\n'));
        b.append("istio_request_duration_milliseconds_count{").append(dest).append("} ").append(10 * seconds).append('\n');
        b.append("istio_request_duration_milliseconds_sum{").append(dest).append("} ").append(600 * seconds).append('\n');
        String pod = "namespace=\"git\",pod=\"" + gitPod + "\"";
        b.append("# TYPE container_cpu_usage_seconds_total counter\n");
        b.append("container_cpu_usage_seconds_total{").append(pod).append(",container=\"git\",cpu=\"total\"} ").append(CPU_CORES * seconds).append('\n');
        // cAdvisor's pod-level cgroup series has container="": the console leaves it out, as the sums of containers would double
        b.append("container_cpu_usage_seconds_total{").append(pod).append(",container=\"\",cpu=\"total\"} ").append(2 * CPU_CORES * seconds).append('\n');
        b.append("# TYPE container_memory_working_set_bytes gauge\n");
        b.append("container_memory_working_set_bytes{").append(pod).append(",container=\"git\"} ").append(MEMORY_BYTES).append('\n');
        b.append("container_memory_working_set_bytes{").append(pod).append(",container=\"\"} ").append(2 * MEMORY_BYTES).append('\n');
        // kube-state-metrics' restart counter: a crash loop, one restart a second
        b.append("# TYPE kube_pod_container_status_restarts_total counter\n");
        b.append("kube_pod_container_status_restarts_total{").append(pod).append(",container=\"git\"} ").append(Math.floor(seconds)).append('\n');
        return b.toString();
    }

    /**
     * The plan's own PrometheusRule groups as a Prometheus rules file. Only each rule's {@code for} is set to 0s, so an
     * alert fires at its first true evaluation instead of after the 5 to 15 minutes it waits in a cluster.
     */
    @SuppressWarnings("unchecked")
    static List<Object> ruleGroups(List<Map<String, Object>> objects) {
        List<Object> groups = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if ("PrometheusRule".equals(o.get("kind"))) {
                for (Object g : (List<Object>) ((Map<String, Object>) o.get("spec")).get("groups")) {
                    Map<String, Object> group = new LinkedHashMap<>((Map<String, Object>) g);
                    List<Object> rules = new ArrayList<>();
                    for (Object r : (List<Object>) group.get("rules")) {
                        Map<String, Object> rule = new LinkedHashMap<>((Map<String, Object>) r);
                        rule.put("for", "0s");
                        rules.add(rule);
                    }
                    group.put("rules", rules);
                    groups.add(group);
                }
            }
        }
        assertThat(groups).as("the plan's PrometheusRule groups").isNotEmpty();
        return groups;
    }

    /**
     * The metrics layer's Prometheus Service as kube-prometheus-stack makes it for the e2e stack (the pinned chart from
     * ../shared/charts rendered by helm with the plan's values), without its selector so that its Endpoints, set here,
     * point at the test's Prometheus: Endpoints of a Service with a selector belong to the endpoints controller.
     */
    @SuppressWarnings("unchecked")
    static void createPrometheusService(Path work, String address, int port) throws Exception {
        Path valuesDir = work.resolve("values");
        List<Path> releases = PlannedObjects.values(TestCluster.EXAMPLE, "e2e", ctx -> {
            StackConfig config = StackConfig.from(ctx);
            new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))).exportTo(ctx);
        }, valuesDir);
        JsonObject release = null;
        for (Path f : releases) {
            JsonObject r = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            // a chart by name from its repository, or a local chart directory (charts/kube-prometheus-stack-88.2.0)
            String chart = r.get("chart").getAsString();
            if (chart.equals("kube-prometheus-stack") || chart.endsWith("/kube-prometheus-stack-" + r.get("version").getAsString())) {
                release = r;
            }
        }
        assertThat(release).as("the e2e plan's kube-prometheus-stack release in " + releases).isNotNull();
        Path values = work.resolve("kube-prometheus-stack-values.json");
        Files.writeString(values, release.get("values").toString());
        Path charts = Path.of(System.getProperty("codezero.charts.dir", TestCluster.REPO.resolve("../shared/charts").normalize().toString()));
        Path chart = charts.resolve("kube-prometheus-stack-" + release.get("version").getAsString());
        TestPrerequisites.require(Files.isDirectory(chart), "the pinned chart " + chart + " (../shared/charts)");
        Process helm = new ProcessBuilder(TestCluster.BIN.resolve("helm").toString(), "template", release.get("release").getAsString(), chart.toString(),
                "--namespace", release.get("namespace").getAsString(), "--values", values.toString(),
                "--show-only", "templates/prometheus/service.yaml").redirectError(work.resolve("helm.err").toFile()).start();
        String rendered = new String(helm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(helm.waitFor()).as(rendered + Files.readString(work.resolve("helm.err"))).isZero();
        Map<String, Object> service = new Yaml().load(rendered);
        Map<String, Object> metadata = (Map<String, Object>) service.get("metadata");
        Map<String, Object> spec = (Map<String, Object>) service.get("spec");
        spec.remove("selector");
        Map<String, Object> servicePort = ((List<Map<String, Object>>) spec.get("ports")).stream().filter(p -> Integer.valueOf(9090).equals(p.get("port")))
                .findFirst().orElseThrow(() -> new AssertionError("no port 9090 in the chart's Service: " + rendered));
        cluster.kubectl("delete", "service,endpoints", String.valueOf(metadata.get("name")), "-n", String.valueOf(metadata.get("namespace")),
                "--ignore-not-found");
        cluster.create(service);
        // The API server's service proxy only dials an address that is a pod's (an Endpoints address whose targetRef names a
        // pod of the namespace with that IP): a pod as the operator would name it, which no scheduler takes (no kubelet would
        // run it), its status written as a kubelet would with this machine's address.
        String namespace = String.valueOf(metadata.get("namespace"));
        String podName = "prometheus-" + metadata.get("name") + "-0";
        cluster.kubectl("delete", "pod", podName, "-n", namespace, "--ignore-not-found", "--grace-period=0", "--force");
        cluster.create(Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", podName, "namespace", namespace,
                "labels", Map.of("app.kubernetes.io/name", "prometheus")), "spec", Map.of("schedulerName", "codezero-test-no-scheduler",
                "containers", List.of(Map.of("name", "prometheus", "image", "quay.io/prometheus/prometheus")))));
        cluster.kubectl("patch", "pod", podName, "-n", namespace, "--subresource=status", "--type=merge", "-p",
                "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + address + "\",\"podIPs\":[{\"ip\":\"" + address + "\"}],"
                        + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
        Map<String, Object> endpoints = Map.of("apiVersion", "v1", "kind", "Endpoints", "metadata", Map.of("name", metadata.get("name"),
                "namespace", namespace), "subsets", List.of(Map.of("addresses", List.of(Map.of("ip", address,
                        "targetRef", Map.of("kind", "Pod", "name", podName, "namespace", namespace))),
                "ports", List.of(Map.of("name", servicePort.get("name"), "port", port, "protocol", "TCP")))));
        cluster.admin.post("/api/v1/namespaces/" + metadata.get("namespace") + "/endpoints", new com.google.gson.Gson().toJsonTree(endpoints).getAsJsonObject());
        // the API server's proxy reads the EndpointSlices, which the controller-manager mirrors from these Endpoints a moment later
        String proxy = "/api/v1/namespaces/" + metadata.get("namespace") + "/services/http:" + metadata.get("name") + ":9090/proxy/-/ready";
        String last = "";
        for (int i = 0; i < 150; i++) {
            try {
                cluster.admin.getText(proxy);
                return;
            } catch (IOException e) {
                last = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the API server's service proxy never reached Prometheus: " + last + "\n"
                + cluster.kubectl("get", "service,endpoints,endpointslices", "-n", String.valueOf(metadata.get("namespace")), "-o", "yaml"));
    }

    /**
     * The IPv4 address of the interface this machine's default route leaves by (/proc/net/route): not loopback, so the API
     * server accepts it as an endpoint, and not a bridge another test set up for its own network namespaces.
     */
    static InetAddress hostAddress() throws IOException {
        String iface = Files.readAllLines(Path.of("/proc/net/route")).stream().skip(1).map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 2 && f[1].equals("00000000")).map(f -> f[0]).findFirst().orElse(null);
        NetworkInterface nic = iface == null ? null : NetworkInterface.getByName(iface);
        Optional<InetAddress> address = nic == null ? Optional.empty() : routable(nic).findFirst();
        if (address.isEmpty()) {
            // A machine with no default route (no network but a registry proxy) still has other interfaces: any address
            // that is up and not loopback is one the API server accepts and this machine answers on.
            address = NetworkInterface.networkInterfaces().filter(ConsolePrometheusTest::isUp)
                    .flatMap(ConsolePrometheusTest::routable).findFirst();
        }
        TestPrerequisites.require(address.isPresent(), "an IPv4 address that is not loopback (default route's interface: "
                + iface + "): the API server refuses loopback endpoints");
        return address.orElseThrow();
    }

    private static Stream<InetAddress> routable(NetworkInterface nic) {
        return nic.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress());
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** Debian's prometheus 2.42.0 unpacked by .ci/run into ~/.cache/codezero-ci (or -Dcodezero.prometheus, or on PATH). */
    static Path prometheusBinary() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("codezero.prometheus")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("user.home"), ".cache/codezero-ci/prometheus-2.42.0/usr/bin/prometheus"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, "prometheus"));
        }
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        TestPrerequisites.require(found.isPresent(), "a Prometheus server: Debian's prometheus 2.42.0 (.ci/run unpacks it into "
                + "~/.cache/codezero-ci/prometheus-2.42.0)");
        return found.orElseThrow();
    }

    static void awaitPrometheus(Path log) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/-/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(prometheus.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        // enough scrapes for rate() (two samples at least) and a first rule evaluation
        for (int i = 0; i < 300; i++) {
            JsonArray r = Json.arr(Json.obj(ask("/api/v1/query?query=" + enc("count_over_time(istio_requests_total[1m])")), "data"), "result");
            if (!r.isEmpty() && r.get(0).getAsJsonObject().getAsJsonArray("value").get(1).getAsDouble() >= 4) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus scraped no series: " + Files.readString(log));
    }

    static List<String> awaitFiring(List<String> names) throws Exception {
        List<String> firing = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            firing.clear();
            for (JsonElement a : Json.arr(Json.obj(ask("/api/v1/alerts"), "data"), "alerts")) {
                JsonObject alert = a.getAsJsonObject();
                if ("firing".equals(Json.str(alert, "state", ""))) {
                    firing.add(Json.str(Json.obj(alert, "labels"), "alertname", "?"));
                }
            }
            if (firing.containsAll(names)) {
                return firing;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("these alerts never fired: " + names + " (firing: " + firing + ")");
    }

    /** One PromQL instant query asked of Prometheus directly, at the given instant. */
    static double instant(String promql, Instant at) throws Exception {
        JsonArray result = Json.arr(Json.obj(ask("/api/v1/query?query=" + enc(promql) + "&time="
                + String.format(Locale.ROOT, "%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000)), "data"), "result");
        assertThat(result).as(promql).hasSize(1);
        return Double.parseDouble(result.get(0).getAsJsonObject().getAsJsonArray("value").get(1).getAsString());
    }

    static JsonObject ask(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> linked(Object... keysAndValues) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return m;
    }

    static void deleteDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
