package io.codezero.stacks.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds what a console name stands for in the cluster: the stack's console URL → the route (VirtualService) serving
 * it → the Service and port behind the route → a ready pod of that Service and the container port.
 */
final class Consoles {
    static final String ROUTE_LABEL = "codezero.io/route";
    private final KubeApi api;

    Consoles(KubeApi api) {
        this.api = api;
    }

    /** A console's backend as the route names it. */
    record Backend(String name, String url, String namespace, String service, int servicePort) {
    }

    /** The pod to forward to and its port. */
    record Target(String pod, int port) {
    }

    /** Every CodeZero route in the cluster, by the URL it serves. */
    Map<String, Backend> routes() throws IOException {
        JsonObject list = api.get("/apis/networking.istio.io/v1/virtualservices?labelSelector=" + KubeApi.query(ROUTE_LABEL));
        Map<String, Backend> routes = new TreeMap<>();
        for (JsonElement item : list.getAsJsonArray("items")) {
            JsonObject vs = item.getAsJsonObject();
            JsonObject spec = vs.getAsJsonObject("spec");
            String host = spec.getAsJsonArray("hosts").get(0).getAsString();
            // The entry that routes: with an ACME HTTP-01 issuer a route's first entry redirects plain HTTP (Routes.expose).
            JsonObject http = null;
            for (JsonElement entry : spec.getAsJsonArray("http")) {
                if (entry.getAsJsonObject().has("route")) {
                    http = entry.getAsJsonObject();
                    break;
                }
            }
            if (http == null) {
                continue;
            }
            String prefix = "/";
            if (http.has("match")) {
                JsonObject uri = http.getAsJsonArray("match").get(0).getAsJsonObject().getAsJsonObject("uri");
                if (uri != null && uri.has("prefix")) {
                    prefix = uri.get("prefix").getAsString();
                }
            }
            JsonObject destination = http.getAsJsonArray("route").get(0).getAsJsonObject().getAsJsonObject("destination");
            String[] service = destination.get("host").getAsString().split("\\.");
            int port = destination.getAsJsonObject("port").get("number").getAsInt();
            String url = "https://" + host + prefix;
            routes.put(url, new Backend(name(host, prefix), url, service.length > 1 ? service[1] : vs.getAsJsonObject("metadata").get("namespace")
                    .getAsString(), service[0], port));
        }
        return routes;
    }

    /**
     * Console names and URLs: the stack's consoleUrls output when there is one, else one per route in the cluster,
     * named by its host's first label (or its path).
     */
    static Map<String, String> names(Optional<Map<String, String>> consoleUrls, Map<String, Backend> routes) {
        if (consoleUrls.isPresent()) {
            return new TreeMap<>(consoleUrls.get());
        }
        Map<String, String> names = new TreeMap<>();
        routes.values().forEach(b -> names.put(b.name(), b.url()));
        return names;
    }

    private static String name(String host, String prefix) {
        return prefix.equals("/") ? host.split("\\.")[0] : prefix.replaceAll("^/+|/+$", "").replace('/', '-');
    }

    /** The route serving a console URL: same host, longest path prefix. */
    static Optional<Backend> backendFor(String url, Map<String, Backend> routes) {
        URI wanted = URI.create(url);
        Backend best = null;
        for (Backend b : routes.values()) {
            URI served = URI.create(b.url());
            String prefix = served.getPath();
            String path = wanted.getPath().isEmpty() ? "/" : wanted.getPath();
            if (served.getHost().equalsIgnoreCase(wanted.getHost()) && (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                    || (path + "/").equals(prefix))) {
                if (best == null || prefix.length() > URI.create(best.url()).getPath().length()) {
                    best = b;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A ready pod behind the Service and the container port the Service port leads to. */
    Target readyPod(Backend backend) throws IOException {
        JsonObject service = api.get("/api/v1/namespaces/" + backend.namespace() + "/services/" + backend.service());
        JsonObject spec = service.getAsJsonObject("spec");
        JsonObject selector = spec.getAsJsonObject("selector");
        if (selector == null || selector.size() == 0) {
            throw new IOException("service " + backend.namespace() + "/" + backend.service() + " selects no pods");
        }
        JsonElement targetPort = null;
        for (JsonElement p : spec.getAsJsonArray("ports")) {
            if (p.getAsJsonObject().get("port").getAsInt() == backend.servicePort()) {
                targetPort = p.getAsJsonObject().get("targetPort");
            }
        }
        if (targetPort == null) {
            throw new IOException("service " + backend.namespace() + "/" + backend.service() + " has no port " + backend.servicePort());
        }
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : selector.entrySet()) {
            terms.add(e.getKey() + "=" + e.getValue().getAsString());
        }
        JsonArray pods = api.get("/api/v1/namespaces/" + backend.namespace() + "/pods?labelSelector="
                + KubeApi.query(String.join(",", terms))).getAsJsonArray("items");
        for (JsonElement item : pods) {
            JsonObject pod = item.getAsJsonObject();
            if (ready(pod)) {
                return new Target(pod.getAsJsonObject("metadata").get("name").getAsString(), containerPort(pod, targetPort, backend));
            }
        }
        throw new IOException("no ready pod behind service " + backend.namespace() + "/" + backend.service() + " (" + pods.size()
                + " pods match " + String.join(",", terms) + ")");
    }

    private static boolean ready(JsonObject pod) {
        JsonObject status = pod.getAsJsonObject("status");
        if (status == null || !"Running".equals(status.has("phase") ? status.get("phase").getAsString() : "")
                || pod.getAsJsonObject("metadata").has("deletionTimestamp")) {
            return false;
        }
        if (status.has("conditions")) {
            for (JsonElement c : status.getAsJsonArray("conditions")) {
                JsonObject condition = c.getAsJsonObject();
                if ("Ready".equals(condition.get("type").getAsString())) {
                    return "True".equals(condition.get("status").getAsString());
                }
            }
        }
        return false;
    }

    private static int containerPort(JsonObject pod, JsonElement targetPort, Backend backend) throws IOException {
        if (targetPort.getAsJsonPrimitive().isNumber()) {
            return targetPort.getAsInt();
        }
        String name = targetPort.getAsString();
        for (JsonElement c : pod.getAsJsonObject("spec").getAsJsonArray("containers")) {
            JsonObject container = c.getAsJsonObject();
            if (container.has("ports")) {
                for (JsonElement p : container.getAsJsonArray("ports")) {
                    JsonObject port = p.getAsJsonObject();
                    if (port.has("name") && name.equals(port.get("name").getAsString())) {
                        return port.get("containerPort").getAsInt();
                    }
                }
            }
        }
        throw new IOException("service " + backend.namespace() + "/" + backend.service() + " targets port \"" + name
                + "\", which no container of its pod declares");
    }

    /** A short-lived token of a console service account (TokenRequest API); never stored, printed once. */
    String token(String namespace, String serviceAccount, int seconds) throws IOException {
        JsonObject spec = new JsonObject();
        spec.addProperty("expirationSeconds", seconds);
        JsonObject request = new JsonObject();
        request.addProperty("apiVersion", "authentication.k8s.io/v1");
        request.addProperty("kind", "TokenRequest");
        request.add("spec", spec);
        JsonObject answer = api.post("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + serviceAccount + "/token", request);
        return answer.getAsJsonObject("status").get("token").getAsString();
    }
}
