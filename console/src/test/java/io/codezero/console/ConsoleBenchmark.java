package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test (its name keeps it out of the default test run; .ci/run runs it with
 * {@code -Dtest=ConsoleBenchmark}): a real kube-apiserver with 50 apps (each a Deployment, Service, route and a link to
 * the next app, labelled as CodeZero labels them), then the time to the first overview page from a cold server, the
 * first app page, and the medians of 5 more of each. Prints the figures and writes them to
 * console/target/benchmark/console.txt. Fails only when a page does not load.
 */
class ConsoleBenchmark {
    static final int APPS = 50;

    @Test
    void timeToFirstPageAndToAnAppsPageWith50Apps() throws Exception {
        TestCluster cluster = TestCluster.get();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            String app = String.format("app%02d", i);
            String next = String.format("app%02d", (i + 1) % APPS);
            Map<String, String> labels = Map.of("app.kubernetes.io/name", app, "codezero.io/component", "app", "app.kubernetes.io/managed-by", "codezero");
            objects.add(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", app, "labels", Map.of("codezero.io/component", "app"))));
            objects.add(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", app, "namespace", app, "labels", labels),
                    "spec", Map.of("replicas", 1, "selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", app)),
                            "template", Map.of("metadata", Map.of("labels", labels), "spec", Map.of("containers",
                                    List.of(Map.of("name", app, "image", "registry.example/" + app + ":1")))))));
            objects.add(Map.of("apiVersion", "v1", "kind", "Service", "metadata", Map.of("name", app, "namespace", app, "labels", labels),
                    "spec", Map.of("selector", Map.of("app.kubernetes.io/name", app), "ports", List.of(Map.of("name", "http", "port", 80)))));
            objects.add(Map.of("apiVersion", "networking.istio.io/v1", "kind", "VirtualService", "metadata", Map.of("name", app + "-route-0",
                    "namespace", app, "labels", Map.of("codezero.io/route", app + "-route-0")), "spec", Map.of("hosts", List.of(app + ".bench.localhost"),
                    "gateways", List.of("istio-ingress/codezero-gateway"), "http", List.of(Map.of("route",
                            List.of(Map.of("destination", Map.of("host", app + "." + app + ".svc.cluster.local", "port", Map.of("number", 80)))))))));
            objects.add(Map.of("apiVersion", "security.istio.io/v1", "kind", "AuthorizationPolicy", "metadata", Map.of("name", "allow-" + app + "-" + next,
                    "namespace", next, "labels", Map.of("app.kubernetes.io/name", app, "codezero.io/link", app + "-" + next + "-http")),
                    "spec", Map.of("action", "ALLOW")));
        }
        cluster.seed(objects);
        cluster.awaitAppsReady(objects);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        long started = System.nanoTime();
        try (ConsoleServer server = new ConsoleServer(cluster.admin, "https://127.0.0.1", Declared.none(), 0)) {
            double serverStart = ms(started);
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> first = page(http, base + "/", cookie);
            double firstPage = ms(started);
            assertThat(first.body()).contains("data-app=\"app49\"");
            long appStarted = System.nanoTime();
            assertThat(page(http, base + "/apps/app07", cookie).body()).contains("link-out").contains("app08");
            double firstApp = ms(appStarted);
            List<Double> overview = new ArrayList<>();
            List<Double> app = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                page(http, base + "/", cookie);
                overview.add(ms(t));
                t = System.nanoTime();
                page(http, base + "/apps/app" + (10 + i), cookie);
                app.add(ms(t));
            }
            String report = String.format(java.util.Locale.ROOT, "console with %d apps: first overview page %.0f ms (of which server start %.0f ms),"
                    + " first app page %.0f ms; warm medians: overview %.0f ms, app page %.0f ms; load average %s%n", APPS, firstPage, serverStart, firstApp,
                    median(overview), median(app), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            System.out.print(report);
            Files.createDirectories(Path.of("target/benchmark"));
            Files.writeString(Path.of("target/benchmark/console.txt"), report);
        }
    }

    static HttpResponse<String> page(HttpClient http, String url, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r;
    }

    static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
