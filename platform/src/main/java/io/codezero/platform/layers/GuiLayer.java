package io.codezero.platform.layers;

import io.codezero.platform.Requirement;
import java.util.Set;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.core.Versions;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Routes;
import io.codezero.platform.mesh.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GUI: Headlamp (the Kubernetes Dashboard is retired), and optionally Kiali for the mesh.
 * Both are routed through the system gateway as private routes only: a request without an
 * authenticated principal is denied at the gateway, and each tool asks for a Kubernetes token
 * on top. A public route for them is a validation error, never a default or an option.
 */
public final class GuiLayer extends DeclaredLayer<GuiLayer.Options> {
    /** The layer's name and config key. */
    public static final String NAME = "gui";
    /** Headlamp's host label. */
    public static final String HEADLAMP_HOST = "headlamp";
    /** Kiali's host label. */
    public static final String KIALI_HOST = "kiali";
    /** The pinned Headlamp chart. */
    public static final ChartRef HEADLAMP = new ChartRef("headlamp", Versions.Platform.HEADLAMP_REPO, "headlamp", Versions.Platform.HEADLAMP);
    /** The pinned Kiali server chart. */
    public static final ChartRef KIALI = new ChartRef("kiali-server", Versions.Platform.KIALI_REPO, "kiali-server", Versions.Platform.KIALI_SERVER);

    /**
     * The settings a GUI layer was built with.
     *
     * @param namespace where Headlamp (and Kiali) run
     * @param route     the consoles' route; only private (signed-in) routes are allowed; empty: {@code ./codezero console} only
     * @param kiali     also install Kiali (needs the istio layer)
     */
    public record Options(String namespace, Optional<Visibility> route, boolean kiali) {
        /**
         * The settings as given.
         *
         * @param namespace where Headlamp (and Kiali) run
         * @param route the consoles' route; only private (signed-in) routes are allowed; empty: {@code ./codezero console} only
         * @param kiali also install Kiali (needs the istio layer)
         * @deprecated a layer is built with its builder ({@code GuiLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
        }
    }

    private GuiLayer(Options options) {
        super(options, NAME, options.kiali() ? List.of(HEADLAMP, KIALI) : List.of(HEADLAMP), List.of(options.namespace()), requires(options),
                Set.of());
    }

    /** Headlamp (and Kiali). Every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GuiLayer}: namespace codezero-gui, a private route, no Kiali unless told otherwise. */
    public static final class Builder extends LayerBuilder<Builder> {
        private Visibility route = Visibility.PRIVATE;
        private boolean kiali = false;

        private Builder() {
            super("codezero-gui");
        }


        /** The consoles' route; only private (signed-in) routes are allowed, a public one is refused. Null: as {@link #noRoute()}. */
        public Builder route(Visibility route) {
            this.route = route;
            return this;
        }

        /** No route: the consoles are opened with {@code ./codezero console} only. */
        public Builder noRoute() {
            this.route = null;
            return this;
        }

        /** Kiali, the mesh console; needs the istio layer. Default off. */
        public Builder kiali(boolean kiali) {
            this.kiali = kiali;
            return this;
        }

        /** The layer; its options are checked with the stack's, before anything is registered. */
        public GuiLayer build() {
            return new GuiLayer(new Options(namespace, Optional.ofNullable(route), kiali));
        }
    }

    private static List<Requirement> requires(Options options) {
        List<Requirement> requires = new ArrayList<>(List.of(Requirement.uses(Mesh.class), Requirement.uses(Metrics.class),
                Requirement.uses(SignIn.class)));
        // A route is served by the mesh's gateway: without one it would silently not exist.
        if (options.route().isPresent()) {
            requires.add(Requirement.needs(Mesh.class, "platform." + NAME + ".route",
                    "Headlamp's route is served by the Istio gateway: add the istio layer, or set route: none "
                            + "(GuiLayer.Builder.noRoute()) and open it with ./codezero console"));
        }
        if (options.kiali()) {
            requires.add(Requirement.needs(Mesh.class, "platform." + NAME + ".kiali",
                    "Kiali shows the mesh and needs the istio layer; add the istio layer or set kiali: false"));
        }
        return requires;
    }

    @Override
    public List<Route> routes(PlatformSettings settings) {
        if (options().route().isEmpty()) {
            return List.of();
        }
        List<Route> routes = new ArrayList<>(List.of(Route.host(HEADLAMP_HOST, options().route().get())));
        if (options().kiali()) {
            routes.add(Route.host(KIALI_HOST, Visibility.PRIVATE));
        }
        return routes;
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        if (options().route().isPresent() && options().route().get() != Visibility.PRIVATE) {
            problems.add(Problem.of("platform.gui.route", options().route().get().name().toLowerCase(),
                    "the GUI controls the whole cluster and is never exposed without authentication; use \"private\" "
                            + "(token required at the gateway) or \"none\" (kubectl port-forward only)"));
        }
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        List<Problem> problems = validate(context.settings());
        if (!problems.isEmpty()) {
            // Defence in depth: the stack validates first, but a layer built in code must not slip through.
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        String ns = options().namespace();
        // baseline: the Headlamp chart sets no seccomp profile and drops no capabilities.
        Namespace namespace = context.systemNamespace("gui-namespace", ns, PodSecurity.BASELINE);

        Map<String, Object> headlampValues = new LinkedHashMap<>();
        headlampValues.put("fullnameOverride", "headlamp");
        Map<String, Object> headlampConfig = new LinkedHashMap<>(Map.of("inCluster", true));
        Optional<SignIn> signIn = context.fact(SignIn.class);
        List<com.pulumi.resources.Resource> headlampWait = new ArrayList<>(List.of(namespace));
        signIn.ifPresent(s -> headlampConfig.put("oidc", ConsoleIdentity.headlampOidc(context, s, ns,
                Route.host(HEADLAMP_HOST, Visibility.PRIVATE).url(context.settings().domain()).applyValue(u -> u.replaceAll("/$", "")), NAME, namespace, headlampWait)));
        headlampValues.put("config", headlampConfig);
        headlampValues.put("service", Map.of("type", "ClusterIP", "port", 80));
        headlampValues.put("resources", IstioLayer.requests("50m", "128Mi"));
        // Headlamp acts with each user's own token; the chart would bind its service account to cluster-admin.
        headlampValues.put("clusterRoleBinding", Map.of("create", false));
        Release headlamp = context.release("gui-headlamp", HEADLAMP, "headlamp", ns, headlampValues, 600,
                headlampWait.toArray(com.pulumi.resources.Resource[]::new));
        ConsoleIdentity.consoleServiceAccounts(context, ns, NAME, namespace);
        List<com.pulumi.resources.Resource> ready = new ArrayList<>(List.of(headlamp));

        Optional<Mesh> mesh = context.fact(Mesh.class);
        Map<String, Output<String>> urls = new LinkedHashMap<>();
        if (mesh.isPresent() && options().route().isPresent()) {
            urls.put("headlamp", context.expose("gui-headlamp", ns, "headlamp", 80, Route.host(HEADLAMP_HOST, Visibility.PRIVATE), false, namespace));
        }

        if (options().kiali()) {
            Map<String, Object> external = new LinkedHashMap<>();
            context.fact(Metrics.class).ifPresent(m -> external.put("prometheus", Map.of("url", m.prometheusUrl())));
            external.put("grafana", Map.of("enabled", false));
            external.put("tracing", Map.of("enabled", false));
            external.put("istio", Map.of("root_namespace", IstioLayer.SYSTEM_NAMESPACE));
            Map<String, Object> deployment = new LinkedHashMap<>();
            // The chart names every object after the instance: the route below targets its Service "kiali".
            deployment.put("instance_name", "kiali");
            // The image matches the pinned chart: a published chart sets the same tag, and a chart built from Kiali's
            // sources (which keeps the ${HELM_IMAGE_TAG} placeholder, refused by the API server as a label) installs too.
            deployment.put("image_version", "v" + Versions.Platform.KIALI_SERVER);
            deployment.put("version_label", "v" + Versions.Platform.KIALI_SERVER);
            deployment.put("cluster_wide_access", true);
            deployment.put("resources", IstioLayer.requests("50m", "128Mi"));
            if (mesh.isPresent() && mesh.get().mode() == IstioMode.AMBIENT) {
                // The chart's policy admits only Kiali's own ports; in ambient mode the gateway's traffic arrives over
                // HBONE (15008) and the chart offers no way to add a port. The mesh's policies guard the route instead.
                deployment.put("network_policy", Map.of("enabled", false));
            }
            Map<String, Object> kialiValues = new LinkedHashMap<>();
            // behind sign-in Kiali acts as the signed-in user with the ID token the gateway forwards; else it asks for a token
            kialiValues.put("auth", Map.of("strategy", signIn.isPresent() ? "header" : "token"));
            kialiValues.put("deployment", deployment);
            kialiValues.put("external_services", external);
            kialiValues.put("server", Map.of("web_root", "/"));
            Release kiali = context.release("gui-kiali", KIALI, "kiali", ns, kialiValues, 600, namespace);
            ready.add(kiali);
            if (mesh.isPresent() && options().route().isPresent()) {
                urls.put("kiali", context.expose("gui-kiali", ns, "kiali", 20001, Route.host(KIALI_HOST, Visibility.PRIVATE), false,
                        Routes.SignedInCredentials.ID_TOKEN, namespace));
            }
        }
        InstalledLayer installed = InstalledLayer.of(NAME, ready);
        for (Map.Entry<String, Output<String>> url : urls.entrySet()) {
            installed = installed.withConsole(url.getKey(), url.getValue());
        }
        return installed;
    }
}
