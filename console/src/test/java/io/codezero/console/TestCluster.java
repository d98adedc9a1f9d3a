package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.codezero.core.testing.TestPrerequisites;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.StackConfig;
import io.codezero.stacks.console.KubeApi;
import io.codezero.stacks.console.Kubeconfig;
import io.codezero.stacks.plan.PlannedObjects;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A real control plane for the console's tests (e2e/cluster.sh: etcd, kube-apiserver, controller-manager, scheduler,
 * kwok's simulated nodes, which make pods Running and Ready), started once per JVM on free ports and its own state
 * directory, and stopped when the JVM ends. {@link #seedPlan} seeds it with the objects examples/minikube's program
 * authors for a stack: what {@code ./codezero plan examples/minikube --stack e2e --objects-out F} writes, so the
 * console is tested against the program's own apps, routes and links, not hand-made ones.
 */
final class TestCluster {
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path EXAMPLE = REPO.resolve("examples/minikube");
    static final Path BIN = Path.of(System.getProperty("user.home"), ".cache/codezero-e2e/bin");
    /** The value every seeded Secret holds: no page may ever show it. */
    static final String SECRET_SENTINEL = "sentinel-secret-value-7f3a";
    private static TestCluster instance;

    final Path work;
    final Path kubeconfig;
    final KubeApi admin;
    final Map<String, String> env;

    private TestCluster(Path work, Path kubeconfig, KubeApi admin, Map<String, String> env) {
        this.work = work;
        this.kubeconfig = kubeconfig;
        this.admin = admin;
        this.env = env;
    }

    static synchronized TestCluster get() throws Exception {
        if (instance == null) {
            boolean binaries = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok", "etcd", "kubectl").stream()
                    .allMatch(b -> Files.isExecutable(BIN.resolve(b)));
            TestPrerequisites.require(binaries, "a local control plane: kube-apiserver, controller-manager, scheduler, kwok, etcd and kubectl in "
                    + BIN + " (bash e2e/toolchain.sh)");
            Path work = Path.of("/tmp/codezero-console-ui-" + ProcessHandle.current().pid());
            Map<String, String> env = Map.of("E2E_WORK", work.toString(), "E2E_APISERVER_PORT", freePort(), "E2E_ETCD_PORT", freePort(),
                    "E2E_ETCD_PEER_PORT", freePort());
            ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("e2e/cluster.sh").toString(), "start").redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(log).isZero();
            Path kubeconfig = work.resolve("kubeconfig");
            KubeApi admin = new KubeApi(Kubeconfig.parse(Files.readString(kubeconfig), work));
            instance = new TestCluster(work, kubeconfig, admin, env);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    ProcessBuilder stop = new ProcessBuilder("bash", REPO.resolve("e2e/cluster.sh").toString(), "stop").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    stop.environment().putAll(env);
                    stop.start().waitFor();
                } catch (Exception e) {
                    // the JVM is ending; cluster.sh's own state directory is per run
                }
            }));
        }
        return instance;
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The objects examples/minikube's program authors for a stack, planned in process (the plan's --objects-out). */
    static List<Map<String, Object>> planned(String stack) throws IOException {
        return PlannedObjects.of(EXAMPLE, stack, ctx -> {
            StackConfig config = StackConfig.from(ctx);
            new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))).exportTo(ctx);
        });
    }

    /** Writes planned objects as the plan's --objects-out file does (one YAML document each). */
    static Path writeObjects(List<Map<String, Object>> objects, Path file) throws IOException {
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setExplicitStart(true);
        Files.createDirectories(file.getParent());
        Files.writeString(file, new org.yaml.snakeyaml.Yaml(options).dumpAll(objects.iterator()));
        return file;
    }

    /**
     * Creates every planned object: a permissive CRD first for each custom kind (Istio's, cert-manager's, the
     * Prometheus operator's), Secrets with {@link #SECRET_SENTINEL} as every value. Already existing objects are left.
     */
    void seed(List<Map<String, Object>> objects) throws Exception {
        Set<String> crds = new LinkedHashSet<>();
        for (Map<String, Object> o : objects) {
            String apiVersion = String.valueOf(o.get("apiVersion"));
            if (apiVersion.contains(".") && !apiVersion.startsWith("rbac.authorization.k8s.io") && !apiVersion.startsWith("networking.k8s.io")) {
                String kind = String.valueOf(o.get("kind"));
                boolean namespaced = ((Map<?, ?>) o.get("metadata")).containsKey("namespace");
                if (crds.add(apiVersion + "/" + kind)) {
                    createCrd(apiVersion, kind, namespaced);
                }
            }
        }
        for (Map<String, Object> o : objects) {
            if ("Namespace".equals(o.get("kind"))) {
                create(o);
            }
        }
        for (Map<String, Object> o : objects) {
            if (!"Namespace".equals(o.get("kind"))) {
                create(o);
            }
        }
    }

    static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return lower.endsWith("y") && !lower.endsWith("ay") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    }

    static String collection(String apiVersion, String kind, String namespace) {
        String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return base + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural(kind);
    }

    void create(Map<String, Object> object) throws Exception {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        if ("Secret".equals(copy.get("kind")) && copy.get("stringData") instanceof Map<?, ?> data) {
            Map<String, String> values = new LinkedHashMap<>();
            data.keySet().forEach(k -> values.put(String.valueOf(k), SECRET_SENTINEL));
            copy.put("stringData", values);
        }
        JsonObject json = new Gson().toJsonTree(copy).getAsJsonObject();
        Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
        String namespace = metadata.containsKey("namespace") ? String.valueOf(metadata.get("namespace")) : null;
        String path = collection(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")), namespace);
        for (int attempt = 0; ; attempt++) {
            try {
                admin.post(path, json);
                return;
            } catch (KubeApi.ApiException e) {
                if (e.status() == 409) {
                    return;
                }
                // a CRD just created is served a moment later; a namespace's service account too
                if ((e.status() == 404 || e.status() == 403) && attempt < 50) {
                    Thread.sleep(200);
                    continue;
                }
                throw new AssertionError("creating " + object.get("kind") + " " + metadata.get("name") + ": " + e.status() + " " + e.getMessage(), e);
            }
        }
    }

    private void createCrd(String apiVersion, String kind, boolean namespaced) throws Exception {
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String plural = plural(kind);
        String body = """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"%s.%s"},
                 "spec":{"group":"%s","scope":"%s","names":{"plural":"%s","singular":"%s","kind":"%s"},
                  "versions":[{"name":"%s","served":true,"storage":true,
                   "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}"""
                .formatted(plural, group, group, namespaced ? "Namespaced" : "Cluster", plural, kind.toLowerCase(Locale.ROOT), kind, version);
        try {
            admin.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", com.google.gson.JsonParser.parseString(body).getAsJsonObject());
        } catch (KubeApi.ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
    }

    /** Waits until every app Deployment of the plan reports all its replicas ready (kwok makes the pods ready). */
    void awaitAppsReady(List<Map<String, Object>> objects) throws Exception {
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pending.clear();
            for (Map<String, Object> o : objects) {
                Map<?, ?> metadata = (Map<?, ?>) o.get("metadata");
                if ("Deployment".equals(o.get("kind"))) {
                    JsonObject d = admin.get("/apis/apps/v1/namespaces/" + metadata.get("namespace") + "/deployments/" + metadata.get("name"));
                    int ready = d.has("status") && d.getAsJsonObject("status").has("readyReplicas")
                            ? d.getAsJsonObject("status").get("readyReplicas").getAsInt() : 0;
                    if (ready < d.getAsJsonObject("spec").get("replicas").getAsInt()) {
                        pending.add(String.valueOf(metadata.get("name")));
                    }
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("these Deployments never became ready: " + pending);
    }

    /** kubectl against this cluster (tests change it the way a user would). */
    String kubectl(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(BIN.resolve("kubectl").toString(), "--kubeconfig", kubeconfig.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", args) + ": " + out).isZero();
        return out;
    }
}
