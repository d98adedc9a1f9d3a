package io.codezero.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.stacks.console.KubeApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An app's workloads as its page shows them: pods (ready, restarts, the probe that fails), their last events, volume
 * claims. Read from the app's namespace only. Environment variables and Secret values are never read.
 *
 * @param pods the app's pods
 * @param events the namespace's newest events
 * @param volumes the namespace's claims
 */
record AppDetails(List<Pod> pods, List<String> events, List<Volume> volumes) {
    /** A pod: ready containers of all, restarts, and the failing probe of a container that is not ready. */
    record Pod(String name, String container, String phase, boolean ready, int restarts, String failingProbe) {
    }

    /** A volume claim: its phase (Bound, Pending) and size. */
    record Volume(String name, String phase, String size) {
    }

    static AppDetails read(KubeApi api, AppState app) throws IOException {
        String ns = app.namespace();
        List<JsonObject> podObjects = new ArrayList<>();
        for (JsonElement e : Json.arr(api.get("/api/v1/namespaces/" + ns + "/pods?labelSelector="
                + KubeApi.query(ClusterReader.APP_NAME + "=" + app.name())), "items")) {
            podObjects.add(e.getAsJsonObject());
        }
        List<JsonObject> eventObjects = new ArrayList<>();
        for (JsonElement e : Json.arr(api.get("/api/v1/namespaces/" + ns + "/events"), "items")) {
            eventObjects.add(e.getAsJsonObject());
        }
        eventObjects.sort(Comparator.comparing((JsonObject e) -> Json.str(e, "lastTimestamp", Json.str(e, "eventTime", ""))).reversed());
        List<Pod> pods = new ArrayList<>();
        for (JsonObject pod : podObjects) {
            int restarts = 0;
            String failing = "";
            for (JsonElement c : Json.arr(Json.obj(pod, "status"), "containerStatuses")) {
                JsonObject status = c.getAsJsonObject();
                restarts += Json.num(status, "restartCount", 0);
                if (!status.has("ready") || !status.get("ready").getAsBoolean()) {
                    failing = probe(pod, Json.str(status, "name", ""));
                }
            }
            String name = Json.name(pod);
            String unhealthy = eventObjects.stream().filter(e -> "Unhealthy".equals(Json.str(e, "reason", ""))
                    && name.equals(Json.str(Json.obj(e, "involvedObject"), "name", ""))).map(e -> Json.str(e, "message", ""))
                    .findFirst().orElse("");
            if (!unhealthy.isEmpty()) {
                failing = failing.isEmpty() ? unhealthy : failing + ": " + unhealthy;
            }
            boolean ready = ClusterReader.podReady(pod);
            JsonElement first = Json.arr(Json.obj(pod, "spec"), "containers").isEmpty() ? null
                    : Json.arr(Json.obj(pod, "spec"), "containers").get(0);
            String container = first == null ? "" : Json.str(first.getAsJsonObject(), "name", "");
            pods.add(new Pod(name, container, Json.str(Json.obj(pod, "status"), "phase", "?"), ready, restarts, ready ? "" : failing));
        }
        List<String> events = eventObjects.stream().limit(10).map(e -> Json.str(e, "type", "") + " " + Json.str(e, "reason", "") + " "
                + Json.str(Json.obj(e, "involvedObject"), "kind", "") + "/" + Json.str(Json.obj(e, "involvedObject"), "name", "") + ": "
                + Json.str(e, "message", "")).toList();
        List<Volume> volumes = new ArrayList<>();
        for (JsonElement e : Json.arr(api.get("/api/v1/namespaces/" + ns + "/persistentvolumeclaims"), "items")) {
            JsonObject pvc = e.getAsJsonObject();
            String size = Json.str(Json.obj(pvc, "status", "capacity"), "storage",
                    Json.str(Json.obj(pvc, "spec", "resources", "requests"), "storage", "?"));
            volumes.add(new Volume(Json.name(pvc), Json.str(Json.obj(pvc, "status"), "phase", "?"), size));
        }
        return new AppDetails(pods, events, volumes);
    }

    /** The readiness probe of a container, in words (httpGet /api/healthz :3000, exec pg_isready ...). */
    private static String probe(JsonObject pod, String container) {
        for (JsonElement c : Json.arr(Json.obj(pod, "spec"), "containers")) {
            JsonObject spec = c.getAsJsonObject();
            if (!container.equals(Json.str(spec, "name", ""))) {
                continue;
            }
            JsonObject probe = Json.obj(spec, "readinessProbe");
            if (probe.has("httpGet")) {
                JsonObject get = Json.obj(probe, "httpGet");
                return "readiness httpGet " + Json.str(get, "path", "/") + " port " + Json.str(get, "port", "?");
            }
            if (probe.has("exec")) {
                List<String> command = new ArrayList<>();
                Json.arr(Json.obj(probe, "exec"), "command").forEach(x -> command.add(x.getAsString()));
                return "readiness exec " + String.join(" ", command);
            }
            if (probe.has("tcpSocket")) {
                return "readiness tcpSocket port " + Json.str(Json.obj(probe, "tcpSocket"), "port", "?");
            }
            return "container " + container + " not ready (no readiness probe)";
        }
        return "container " + container + " not ready";
    }

    /** The last lines of each pod's log (first container) through the pods/log API, or the API server's answer. */
    static Map<String, String> logs(KubeApi api, AppState app, List<Pod> pods) {
        Map<String, String> logs = new java.util.LinkedHashMap<>();
        for (Pod pod : pods.stream().limit(3).toList()) {
            try {
                logs.put(pod.name(), api.getText("/api/v1/namespaces/" + app.namespace() + "/pods/" + pod.name() + "/log?tailLines=50&container="
                        + KubeApi.query(pod.container())));
            } catch (IOException e) {
                logs.put(pod.name(), "(the API server gave no log: " + e.getMessage() + ")");
            }
        }
        return logs;
    }
}
