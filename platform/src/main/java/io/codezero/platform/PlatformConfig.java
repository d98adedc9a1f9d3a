package io.codezero.platform;

import com.pulumi.core.Output;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.target.Exposure;
import io.codezero.core.validation.Problem;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppCatalogue;
import io.codezero.platform.helm.ChartSource;
import io.codezero.platform.layers.AlertReceiver;
import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.GuiLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.LogsLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.layers.SignInLayer;
import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.mesh.Visibility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The platform part of a stack's config: which layers run with which options, and which apps are
 * installed. Reads the {@code platform} object of the {@code codezero} config namespace.
 *
 * <p>A layer is installed when its key is present ({@code istio: {}} takes every default) and not
 * switched off with {@code enabled: false}; removing the key or switching it off removes everything
 * the layer created. The order they are installed in is {@link InstallPlan}'s, from what each
 * requires and provides, as for layers and apps built in code.
 */
public record PlatformConfig(PlatformSettings settings, List<PlatformLayer> layers, List<PlatformApp> apps) {

    public PlatformConfig {
        layers = List.copyOf(layers);
        apps = List.copyOf(apps);
    }

    /**
     * Problems are added to {@code platform.problems()}; reading never throws. Istio's mode, when the config does not
     * set one, is the cluster's preference ({@link IstioMode#defaultFor}), decided when the layer is installed.
     */
    public static PlatformConfig read(ConfigObject platform) {
        Exposure exposure = exposure(platform, "gatewayExposure");
        PlatformSettings settings = new PlatformSettings(platform.string("domain", null), platform.string("systemNamespace", null), exposure);
        ChartSource charts = new ChartSource(platform.stringMap("chartSources"));

        List<PlatformLayer> layers = new ArrayList<>();
        layer(platform, CertificatesLayer.NAME, layers, o -> new CertificatesLayer(certificatesOptions(o), charts));
        // The gateway asks the sign-in service, so Istio is told of it when sign-in is configured (see ExternalAuthorization).
        SignInLayer signIn = layer(platform, SignInLayer.CONFIG_KEY, layers, o -> signIn(o, charts));
        boolean mesh = layer(platform, IstioLayer.NAME, layers, o -> new IstioLayer(istioOptions(o, signIn), charts)) != null;
        layer(platform, MetricsLayer.NAME, layers, o -> new MetricsLayer(metricsOptions(o), charts));
        layer(platform, LogsLayer.NAME, layers, o -> new LogsLayer(logsOptions(o), charts));
        layer(platform, DashboardsLayer.NAME, layers, o -> new DashboardsLayer(dashboardsOptions(o), charts));
        layer(platform, GuiLayer.NAME, layers, o -> new GuiLayer(guiOptions(o, mesh), charts));

        List<CodeZeroApp> apps = AppCatalogue.read(platform, settings, charts, mesh);
        // reserved app names, links and routes are checked by CodeZeroApp.validate and InstallPlan, as for code
        Set<String> chartKeys = new HashSet<>();
        layers.forEach(layer -> layer.charts().forEach(chart -> chartKeys.add(chart.key())));
        platform.problems().addAll(charts.validate(platform.path().isEmpty() ? "chartSources" : platform.path() + ".chartSources", chartKeys));
        platform.rejectUnknownKeys();
        return new PlatformConfig(settings, layers, List.copyOf(apps));
    }

    /**
     * Reads the layer under {@code key} and adds it to {@code layers} when it runs: when its key is present ({@code {}}
     * for all defaults) and not switched off with {@code enabled: false}. Null when it does not run.
     */
    private static <L extends PlatformLayer> L layer(ConfigObject platform, String key, List<PlatformLayer> layers,
                                                     Function<ConfigObject, L> read) {
        ConfigObject object = platform.object(key);
        if (!(platform.has(key) & object.bool("enabled", true))) {
            return null;
        }
        L layer = read.apply(object);
        layers.add(layer);
        object.rejectUnknownKeys();
        return layer;
    }

    private static Exposure exposure(ConfigObject object, String key) {
        String text = object.string(key, null);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "internet-facing" -> Exposure.INTERNET_FACING;
            case "internal" -> Exposure.INTERNAL;
            default -> {
                object.problems().add(Problem.of(at(object, key), text, "must be internet-facing or internal"));
                yield null;
            }
        };
    }

    /** "private", "public" or "none"; absent: the fallback. */
    static Optional<Visibility> route(ConfigObject object, String key, Optional<Visibility> fallback) {
        String text = object.string(key, null);
        if (text == null) {
            return fallback;
        }
        if (text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Optional<Visibility> visibility = Visibility.parse(text);
        if (visibility.isEmpty()) {
            object.problems().add(Problem.of(at(object, key), text, "must be private, public or none"));
            return fallback;
        }
        return visibility;
    }

    private static String at(ConfigObject object, String key) {
        return object.path().isEmpty() ? key : object.path() + "." + key;
    }

    private static CertificatesLayer.Options certificatesOptions(ConfigObject certificates) {
        String issuer = certificates.string("issuer", "selfSigned");
        ConfigObject acme = certificates.object("acme");
        Optional<CertificatesLayer.Acme> acmeOptions = Optional.empty();
        if (issuer.equals("acme")) {
            acmeOptions = Optional.of(new CertificatesLayer.Acme(acme.string("email", null), acme.string("server", CertificatesLayer.LETSENCRYPT)));
        } else if (!issuer.equals("selfSigned")) {
            certificates.problems().add(Problem.of(at(certificates, "issuer"), issuer, "must be selfSigned (development CA) or acme"));
        } else if (certificates.has("acme")) {
            certificates.problems().add(Problem.of(at(certificates, "acme"), "<set>", "is only read with issuer: acme, and the issuer is "
                    + issuer + "; set issuer: acme, or remove acme"));
            acme.string("email", null);
            acme.string("server", null);
        }
        acme.rejectUnknownKeys();
        return new CertificatesLayer.Options(acmeOptions);
    }

    /** {@code platform.signIn}: the issuer, the client and who may sign in. The client secret is set with {@code --secret}. */
    private static SignInLayer signIn(ConfigObject o, ChartSource charts) {
        SignInLayer.Builder builder = SignInLayer.builder().charts(charts)
                .namespace(o.string("namespace", SignInLayer.DEFAULT_NAMESPACE))
                .issuer(o.string("issuer", null))
                .clientId(o.string("clientId", null))
                .clientSecret(plainSecret(o, "clientSecret"))
                .allowedGroups(o.distinctStrings("allowedGroups"))
                .allowedEmails(o.distinctStrings("allowedEmails"))
                .cookieDomain(o.string("cookieDomain", null))
                .authHost(o.string("authHost", SignInLayer.DEFAULT_AUTH_HOST))
                .replicas(o.integer("replicas", 2));
        if (o.has("scopes")) {
            builder.scopes(o.string("scopes", null));
        }
        if (o.has("groupsClaim")) {
            builder.groupsClaim(o.string("groupsClaim", null));
        }
        return builder.build();
    }

    /**
     * A credential inside {@code codezero:platform}: it must have been set with {@code pulumi config set --secret --path},
     * which keeps the whole platform key secret; in plain text in Pulumi.&lt;stack&gt;.yaml it is refused.
     */
    private static String plainSecret(ConfigObject o, String key) {
        String value = o.string(key, null);
        if (value != null && !o.isSecret()) {
            o.problems().add(Problem.of(at(o, key), "<plain text>", "is a credential written in plain text in Pulumi.<stack>.yaml; "
                    + "remove it there and set it as a secret: pulumi config set --secret --path 'codezero:" + at(o, key) + "' VALUE"));
        }
        return value;
    }

    private static IstioLayer.Options istioOptions(ConfigObject istio, SignInLayer signIn) {
        IstioLayer.Options d = IstioLayer.Options.defaults();
        String modeText = istio.string("mode", null);
        IstioMode mode = null;
        if (modeText != null) {
            Optional<IstioMode> parsed = IstioMode.parse(modeText);
            if (parsed.isEmpty()) {
                istio.problems().add(Problem.of(at(istio, "mode"), modeText, "must be sidecar or ambient"));
            } else {
                mode = parsed.get();
            }
        }
        ConfigObject gateway = istio.object("gateway");
        String namespace = gateway.string("namespace", d.gatewayNamespace());
        int replicas = gateway.integer("replicas", d.gatewayReplicas());
        Exposure exposure = exposure(gateway, "exposure");
        String serviceType = gateway.string("serviceType", d.gatewayServiceType());
        List<String> extraHosts = gateway.distinctStrings("extraHosts");
        gateway.rejectUnknownKeys();
        Optional<IstioLayer.Auth> auth = Optional.empty();
        if (istio.has("auth")) {
            ConfigObject a = istio.object("auth");
            auth = Optional.of(new IstioLayer.Auth(a.string("issuer", ""), a.string("jwksUri", ""), a.distinctStrings("audiences")));
            a.rejectUnknownKeys();
        }
        return new IstioLayer.Options(mode, namespace, replicas, exposure, auth, extraHosts, serviceType,
                Optional.ofNullable(signIn).map(SignInLayer::externalAuthorization));
    }

    private static LogsLayer.Options logsOptions(ConfigObject logs) {
        LogsLayer.Options d = LogsLayer.Options.defaults();
        return new LogsLayer.Options(logs.string("namespace", d.namespace()), logs.string("retention", d.retention()),
                logs.string("storage", d.storage()));
    }

    private static DashboardsLayer.Options dashboardsOptions(ConfigObject dashboards) {
        DashboardsLayer.Options d = DashboardsLayer.Options.defaults();
        return new DashboardsLayer.Options(dashboards.string("namespace", d.namespace()), dashboards.string("storage", d.storage()),
                route(dashboards, "route", d.route()));
    }

    private static GuiLayer.Options guiOptions(ConfigObject gui, boolean meshEnabled) {
        GuiLayer.Options d = GuiLayer.Options.defaults();
        GuiLayer.Options options = new GuiLayer.Options(gui.string("namespace", d.namespace()), route(gui, "route", d.route()),
                gui.bool("kiali", d.kiali()));
        return options;
    }

    private static MetricsLayer.Options metricsOptions(ConfigObject metrics) {
        MetricsLayer.Options d = MetricsLayer.Options.defaults();
        List<AlertReceiver> receivers = new ArrayList<>();
        for (ConfigObject r : metrics.objects("receivers")) {
            String name = r.string("name", null);
            String type = r.string("type", null);
            switch (type == null ? "" : type) {
                case "webhook" -> receivers.add(new AlertReceiver.Webhook(name, r.string("url", null)));
                case "slack" -> receivers.add(new AlertReceiver.Slack(name, r.string("url", null), r.string("channel", null)));
                case "email" -> receivers.add(new AlertReceiver.Email(name, r.string("to", null), r.string("from", null),
                        r.string("smarthost", null), r.string("username", null), plainSecret(r, "password")));
                default -> r.problems().add(Problem.of(at(r, "type"), type, "must be webhook, slack or email"));
            }
            r.rejectUnknownKeys();
        }
        return new MetricsLayer.Options(metrics.string("namespace", d.namespace()), metrics.string("retention", d.retention()),
                metrics.string("storage", d.storage()), metrics.string("alertStorage", d.alertStorage()), receivers);
    }

    /** Every layer's and app's own problems, and the graph's ({@link InstallPlan}): links, routes, missing layers. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        layers.forEach(layer -> problems.addAll(layer.validate(settings)));
        apps.forEach(app -> problems.addAll(app.validate(settings)));
        problems.addAll(installPlan().problems());
        return problems;
    }

    /** The order the layers and apps will be installed in, from what they require and provide. */
    public InstallPlan installPlan() {
        return InstallPlan.of(layers, apps, settings, java.util.Set.of());
    }

    public Optional<PlatformLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

}
