package io.codezero.platform.layers;

import java.util.Set;
import io.codezero.platform.Requirement;
import io.codezero.platform.Capability;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import io.codezero.platform.secrets.RandomPassword;
import io.codezero.platform.secrets.RandomPasswordArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboards: Grafana with the metrics layer's Prometheus and the logs layer's Loki as data
 * sources (by service name only, so Grafana waits for neither), CodeZero's mesh and cluster
 * dashboards, and a generated admin password kept as a secret. Grafana picks up dashboards from
 * ConfigMaps labelled {@code grafana_dashboard=1} in every namespace, which is how apps register theirs.
 */
public final class DashboardsLayer extends DeclaredLayer<DashboardsLayer.Options> {
    /** The layer's name and config key. */
    public static final String NAME = "dashboards";
    /** Grafana's host label: {@code https://grafana.<domain>}. */
    public static final String GRAFANA_HOST = "grafana";
    /** The pinned Grafana chart. */
    public static final ChartRef GRAFANA = new ChartRef("grafana", Versions.Platform.GRAFANA_COMMUNITY_REPO, "grafana", Versions.Platform.GRAFANA);
    /** The Secret holding Grafana's generated admin password. */
    public static final String ADMIN_SECRET = "grafana-admin";
    static final List<String> BUILT_IN = List.of("codezero-cluster", "codezero-mesh");

    /**
     * The settings a dashboards layer was built with.
     *
     * @param namespace where Grafana runs
     * @param storage   Grafana's volume size
     * @param route     Grafana's route through the gateway; empty: reachable only through {@code ./codezero console}
     */
    public record Options(String namespace, String storage, Optional<Visibility> route) {
        /**
         * The settings as given.
         *
         * @param namespace where Grafana runs
         * @param storage Grafana's volume size
         * @param route Grafana's route through the gateway; empty: reachable only through {@code ./codezero console}
         * @deprecated a layer is built with its builder ({@code DashboardsLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
        }
    }

    private DashboardsLayer(Options options) {
        super(options, NAME, List.of(GRAFANA), List.of(options.namespace()), requires(options), Set.of(Capability.of(Dashboards.class)));
    }

    /** Grafana. Every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DashboardsLayer}: namespace codezero-dashboards, a 5Gi volume, a private route unless told otherwise. */
    public static final class Builder extends LayerBuilder.Stored<Builder> {
        private Visibility route = Visibility.PRIVATE;

        private Builder() {
            super("codezero-dashboards", "5Gi");
        }



        /** Grafana's route through the gateway (default private: signed-in users only); null: no route, as {@link #noRoute()}. */
        public Builder route(Visibility route) {
            this.route = route;
            return this;
        }

        /** No route: Grafana is opened with {@code ./codezero console grafana} only. */
        public Builder noRoute() {
            this.route = null;
            return this;
        }

        /** The layer; its options are checked with the stack's, before anything is registered. */
        public DashboardsLayer build() {
            return new DashboardsLayer(new Options(namespace, storage, Optional.ofNullable(route)));
        }
    }

    /**
     * Grafana shows what metrics and logs collect. Its route is served by the mesh's gateway, so a route without the
     * mesh is refused rather than silently missing.
     */
    private static List<Requirement> requires(Options options) {
        List<Requirement> requires = new ArrayList<>(List.of(Requirement.uses(Mesh.class), Requirement.uses(Metrics.class),
                Requirement.uses(Logs.class), Requirement.uses(SignIn.class)));
        if (options.route().isPresent()) {
            requires.add(Requirement.needs(Mesh.class, "platform." + NAME + ".route",
                    "Grafana's route is served by the Istio gateway: add the istio layer, or set route: none "
                            + "(DashboardsLayer.Builder.noRoute()) and open it with ./codezero console"));
        }
        return requires;
    }

    @Override
    public List<Route> routes(PlatformSettings settings) {
        return options().route().map(visibility -> List.of(Route.host(GRAFANA_HOST, visibility))).orElse(List.of());
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        Quantities.checkStorage("platform.dashboards.storage", options().storage(), problems);
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        String ns = options().namespace();
        // baseline: with persistence the Grafana chart's init-chown-data container runs as root with CHOWN.
        Namespace namespace = context.systemNamespace("dashboards-namespace", ns, PodSecurity.BASELINE);

        RandomPassword password = new RandomPassword(context.name("dashboards-grafana-admin-password"), RandomPasswordArgs.of(32), context.foreignOptions());
        Secret admin = new Secret(context.name("dashboards-grafana-admin"), SecretArgs.builder()
                .metadata(Meta.of(ADMIN_SECRET, ns, NAME))
                .stringData(password.result().applyValue(p -> Map.of("admin-user", "admin", "admin-password", p)).asSecret())
                .build(), context.options(namespace));

        List<Object> datasources = new ArrayList<>();
        context.fact(Metrics.class).ifPresent(m -> datasources.add(Map.of("name", "Prometheus", "uid", "prometheus", "type", "prometheus",
                "access", "proxy", "url", m.prometheusUrl(), "isDefault", true)));
        context.fact(Logs.class).ifPresent(l -> datasources.add(Map.of("name", "Loki", "uid", "loki", "type", "loki",
                "access", "proxy", "url", l.lokiUrl())));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("admin", Map.of("existingSecret", ADMIN_SECRET, "userKey", "admin-user", "passwordKey", "admin-password"));
        values.put("persistence", Map.of("enabled", true, "size", options().storage(),
                "storageClassName", context.cluster().storage().classFor(StorageTier.STANDARD)));
        // One ReadWriteOnce volume: a rolling update starts the new pod before the old one lets go of it, and on another
        // node it waits on Multi-Attach until the release times out and rolls back. Replace the pod instead.
        values.put("deploymentStrategy", Map.of("type", "Recreate"));
        values.put("resources", IstioLayer.requests("50m", "128Mi"));
        values.put("datasources", Map.of("datasources.yaml", Map.of("apiVersion", 1, "datasources", datasources)));
        values.put("sidecar", Map.of("dashboards", Map.of("enabled", true, "label", Dashboards.GRAFANA_SIDECAR.label(),
                "labelValue", Dashboards.GRAFANA_SIDECAR.labelValue(), "searchNamespace", "ALL")));
        Map<String, Object> ini = new LinkedHashMap<>(Map.of(
                "server", Map.of("root_url", Route.host(GRAFANA_HOST, Visibility.PRIVATE).url(context.settings().domain())
                        .applyValue(url -> url.replaceAll("/$", ""))),
                "auth.anonymous", Map.of("enabled", false),
                "security", Map.of("cookie_secure", true, "disable_gravatar", true),
                "analytics", Map.of("reporting_enabled", false, "check_for_updates", false)));
        // Only a request through the gateway's private route carries the sign-in's identity header.
        context.fact(SignIn.class).filter(s -> options().route().equals(Optional.of(Visibility.PRIVATE)))
                .ifPresent(s -> ini.put("auth.proxy", ConsoleIdentity.grafanaAuthProxy(s)));
        values.put("grafana.ini", ini);
        Release grafana = context.release("dashboards-grafana", GRAFANA, "grafana", ns, values, 600, namespace, admin);

        for (String dashboard : BUILT_IN) {
            new ConfigMap(context.name("dashboards-" + dashboard), ConfigMapArgs.builder()
                    .metadata(Meta.of(dashboard, ns, Meta.with(Meta.labels(NAME), Dashboards.GRAFANA_SIDECAR.label(),
                            Dashboards.GRAFANA_SIDECAR.labelValue())))
                    .data(Map.of(dashboard + ".json", resource("dashboards/" + dashboard + ".json")))
                    .build(), context.options(namespace));
        }

        InstalledLayer installed = InstalledLayer.of(NAME, List.of(grafana)).withFact(Dashboards.class, Dashboards.GRAFANA_SIDECAR);
        Optional<Mesh> mesh = context.fact(Mesh.class);
        if (mesh.isPresent() && options().route().isPresent()) {
            Output<String> url = context.expose("dashboards-grafana", ns, "grafana", 80, Route.host(GRAFANA_HOST, options().route().get()), false,
                    namespace);
            installed = installed.withConsole("grafana", url);
        }
        return installed;
    }

    static String resource(String path) {
        try (InputStream in = DashboardsLayer.class.getResourceAsStream("/io/codezero/platform/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
