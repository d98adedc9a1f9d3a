package io.codezero.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.stacks.console.KubeApi;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the stack as it runs through the Kubernetes API, by the labels CodeZero puts on what it authors: apps are
 * Deployments labelled {@code codezero.io/component=app}, routes VirtualServices labelled {@code codezero.io/route},
 * links the AuthorizationPolicies (or, without a mesh, the Secrets' metadata) labelled {@code codezero.io/link},
 * layers the namespaces labelled {@code codezero.io/component}. Read-only: it only ever GETs. Secrets are listed
 * as metadata only, so no secret value is even fetched.
 */
public final class ClusterReader {
    static final String COMPONENT = "codezero.io/component";
    static final String ROUTE = "codezero.io/route";
    static final String LINK = "codezero.io/link";
    static final String APP_NAME = "app.kubernetes.io/name";
    private final KubeApi api;
    /** What the current read could not list for lack of rights. */
    private final List<String> hidden = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A reader with the given client.
     *
     * @param api the Kubernetes API with the stack's kubeconfig
     */
    public ClusterReader(KubeApi api) {
        this.api = api;
    }

    /** @return the API client (the app page reads pods, events, volumes and logs through it) */
    KubeApi api() {
        return api;
    }

    /**
     * Reads the whole stack.
     *
     * @param server the API server's URL (shown as the target)
     * @return the snapshot
     * @throws IOException when the API server cannot be read
     */
    public synchronized Snapshot read(String server) throws IOException {
        hidden.clear();
        String version = Json.str(api.get("/version"), "gitVersion", "?");
        int nodes = 0;
        int nodesReady = 0;
        for (JsonObject n : optionalItems("/api/v1/nodes")) {
            nodes++;
            if (ready(Json.arr(Json.obj(n, "status"), "conditions"))) {
                nodesReady++;
            }
        }
        List<JsonObject> pods = optionalItems("/api/v1/pods");
        List<LayerState> layers = layers(pods);
        Map<String, String> appOfNamespace = new HashMap<>();
        List<JsonObject> deployments = items("/apis/apps/v1/deployments?labelSelector=" + KubeApi.query(COMPONENT + "=app"));
        for (JsonObject d : deployments) {
            appOfNamespace.put(Json.namespace(d), Json.labels(d).getOrDefault(APP_NAME, Json.name(d)));
        }
        List<Route> routes = routes();
        List<AppState> apps = new ArrayList<>();
        for (JsonObject d : deployments) {
            String name = Json.labels(d).getOrDefault(APP_NAME, Json.name(d));
            String namespace = Json.namespace(d);
            int desired = Json.num(Json.obj(d, "spec"), "replicas", 1);
            int ready = Json.num(Json.obj(d, "status"), "readyReplicas", 0);
            apps.add(new AppState(name, namespace, ready, desired,
                    routes.stream().filter(r -> r.namespace().equals(namespace) && appOfNamespace.containsKey(r.namespace())).toList()));
        }
        apps.sort(Comparator.comparing(AppState::name));
        List<Link> links = links(appOfNamespace);
        return new Snapshot(server, version, nodesReady, nodes, layers, apps, routes, links, List.copyOf(new LinkedHashSet<>(hidden)));
    }

    private List<JsonObject> items(String path) throws IOException {
        List<JsonObject> items = new ArrayList<>();
        for (JsonElement e : Json.arr(api.get(path), "items")) {
            items.add(e.getAsJsonObject());
        }
        return items;
    }

    /**
     * A list that may be absent or hidden: empty when its CRD is not installed (no mesh, say), or when the kubeconfig's
     * rights do not allow listing it (then it is named in {@link Snapshot#hidden()}).
     */
    private List<JsonObject> optionalItems(String path) throws IOException {
        try {
            return items(path);
        } catch (KubeApi.ApiException e) {
            if (e.status() == 404) {
                return List.of();
            }
            if (e.status() == 403) {
                hidden.add(resource(path));
                return List.of();
            }
            throw e;
        }
    }

    /** /apis/networking.istio.io/v1/virtualservices?... -> virtualservices */
    private static String resource(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return bare.substring(bare.lastIndexOf('/') + 1);
    }

    /**
     * A list of Secrets' metadata; empty when the kubeconfig may not list Secrets (Kubernetes' {@code view} role may not):
     * the console then shows no Helm release and finds links by their policies only, instead of failing.
     */
    private List<JsonObject> secretsMetadata(String selector) throws IOException {
        List<JsonObject> items = new ArrayList<>();
        try {
            for (JsonElement e : Json.arr(api.getMetadata("/api/v1/secrets?labelSelector=" + KubeApi.query(selector)), "items")) {
                items.add(e.getAsJsonObject());
            }
        } catch (KubeApi.ApiException e) {
            if (e.status() != 403) {
                throw e;
            }
            hidden.add("secrets");
        }
        return items;
    }

    static boolean ready(Iterable<JsonElement> conditions) {
        for (JsonElement c : conditions) {
            JsonObject condition = c.getAsJsonObject();
            if ("Ready".equals(Json.str(condition, "type", ""))) {
                return "True".equals(Json.str(condition, "status", ""));
            }
        }
        return false;
    }

    static boolean podReady(JsonObject pod) {
        return "Running".equals(Json.str(Json.obj(pod, "status"), "phase", "")) && !Json.obj(pod, "metadata").has("deletionTimestamp")
                && ready(Json.arr(Json.obj(pod, "status"), "conditions"));
    }

    private List<LayerState> layers(List<JsonObject> pods) throws IOException {
        Map<String, List<String>> namespacesOfLayer = new TreeMap<>();
        for (JsonObject ns : items("/api/v1/namespaces?labelSelector=" + KubeApi.query(COMPONENT))) {
            String layer = Json.labels(ns).get(COMPONENT);
            if (!layer.equals("app")) {
                namespacesOfLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(Json.name(ns));
            }
        }
        // Helm's release records: metadata only (labels name, status, version), never the Secrets' values.
        Map<String, LayerState.Release> newest = new TreeMap<>();
        for (JsonObject secret : secretsMetadata("owner=helm")) {
            Map<String, String> labels = Json.labels(secret);
            String key = Json.namespace(secret) + "/" + labels.getOrDefault("name", "?");
            int revision = parse(labels.getOrDefault("version", "0"));
            if (!newest.containsKey(key) || newest.get(key).revision() < revision) {
                newest.put(key, new LayerState.Release(labels.getOrDefault("name", "?"), Json.namespace(secret),
                        labels.getOrDefault("status", "?"), revision));
            }
        }
        List<LayerState> layers = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : namespacesOfLayer.entrySet()) {
            Set<String> namespaces = new LinkedHashSet<>(layer.getValue());
            int ready = 0;
            int total = 0;
            for (JsonObject pod : pods) {
                if (namespaces.contains(Json.namespace(pod))) {
                    total++;
                    ready += podReady(pod) ? 1 : 0;
                }
            }
            layers.add(new LayerState(layer.getKey(), List.copyOf(namespaces),
                    newest.values().stream().filter(r -> namespaces.contains(r.namespace())).toList(), ready, total));
        }
        return layers;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private List<Route> routes() throws IOException {
        Map<String, String> visibility = new HashMap<>();
        Map<String, Boolean> signIn = new HashMap<>();
        for (JsonObject policy : optionalItems("/apis/security.istio.io/v1/authorizationpolicies?labelSelector=" + KubeApi.query(ROUTE))) {
            String route = Json.labels(policy).get(ROUTE);
            String action = Json.str(Json.obj(policy, "spec"), "action", "ALLOW");
            switch (action) {
                case "CUSTOM" -> {
                    visibility.put(route, "private");
                    signIn.put(route, true);
                }
                case "DENY" -> visibility.putIfAbsent(route, "private");
                default -> visibility.putIfAbsent(route, "public");
            }
        }
        List<Route> routes = new ArrayList<>();
        for (JsonObject vs : optionalItems("/apis/networking.istio.io/v1/virtualservices?labelSelector=" + KubeApi.query(ROUTE))) {
            String name = Json.labels(vs).get(ROUTE);
            JsonObject spec = Json.obj(vs, "spec");
            if (Json.arr(spec, "hosts").isEmpty()) {
                continue;
            }
            String host = Json.arr(spec, "hosts").get(0).getAsString();
            for (JsonElement entry : Json.arr(spec, "http")) {
                JsonObject http = entry.getAsJsonObject();
                if (Json.arr(http, "route").isEmpty()) {
                    continue;  // the port-80 redirect of an ACME route
                }
                String prefix = "/";
                if (!Json.arr(http, "match").isEmpty()) {
                    prefix = Json.str(Json.obj(Json.arr(http, "match").get(0).getAsJsonObject(), "uri"), "prefix", "/");
                }
                String[] service = Json.str(Json.obj(Json.arr(http, "route").get(0).getAsJsonObject(), "destination"), "host", "")
                        .split("\\.");
                routes.add(new Route(name, URI.create("https://" + host + prefix).toString(), service.length > 1 ? service[1] : Json.namespace(vs),
                        service[0], visibility.getOrDefault(name, "public"), signIn.getOrDefault(name, false)));
                break;
            }
        }
        routes.sort(Comparator.comparing(Route::url));
        return routes;
    }

    private List<Link> links(Map<String, String> appOfNamespace) throws IOException {
        Set<Link> links = new LinkedHashSet<>();
        Set<String> apps = new LinkedHashSet<>(appOfNamespace.values());
        // With a mesh: the provider's AuthorizationPolicy lets the consumer in; it lives in the provider's namespace.
        for (JsonObject policy : optionalItems("/apis/security.istio.io/v1/authorizationpolicies?labelSelector=" + KubeApi.query(LINK))) {
            Map<String, String> labels = Json.labels(policy);
            String from = labels.getOrDefault(APP_NAME, "");
            String to = appOfNamespace.getOrDefault(Json.namespace(policy), Json.namespace(policy));
            links.add(new Link(from, to, offer(labels.get(LINK), from, to)));
        }
        // Every link also gives the consumer a Secret with the provider's address: its name and labels, never its value.
        for (JsonObject secret : secretsMetadata(LINK)) {
            Map<String, String> labels = Json.labels(secret);
            String from = labels.getOrDefault(APP_NAME, "");
            String rest = labels.get(LINK).startsWith(from + "-") ? labels.get(LINK).substring(from.length() + 1) : "";
            String to = apps.stream().filter(a -> rest.startsWith(a + "-") || rest.equals(a)).max(Comparator.comparingInt(String::length))
                    .orElse("");
            if (!from.isEmpty() && !to.isEmpty()) {
                Link link = new Link(from, to, offer(labels.get(LINK), from, to));
                if (links.stream().noneMatch(l -> l.from().equals(from) && l.to().equals(to))) {
                    links.add(link);
                }
            }
        }
        return links.stream().sorted(Comparator.comparing(Link::from).thenComparing(Link::to)).toList();
    }

    /** git-db-postgres, from git, to db: postgres. */
    private static String offer(String label, String from, String to) {
        String prefix = from + "-" + to + "-";
        return label != null && label.startsWith(prefix) ? label.substring(prefix.length()) : "";
    }
}
