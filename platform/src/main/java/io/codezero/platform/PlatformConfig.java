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
import io.codezero.platform.mesh.GatewayServiceType;
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

    /** Copies the lists. */
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
        PlatformSettings settings = PlatformSettings.builder().domain(platform.string("domain", null))
                .systemNamespace(platform.string("systemNamespace", null)).gatewayExposure(exposure)
                .chartSources(new ChartSource(platform.stringMap("chartSources"))).build();

        // Every layer is built with its code builder, so config and code share one set of defaults.
        List<PlatformLayer> layers = new ArrayList<>();
        layer(platform, CertificatesLayer.NAME, layers, PlatformConfig::certificates);
        // The gateway asks the sign-in service, so Istio is told of it when sign-in is configured (see ExternalAuthorization).
        SignInLayer signIn = layer(platform, SignInLayer.CONFIG_KEY, layers, PlatformConfig::signIn);
        boolean mesh = layer(platform, IstioLayer.NAME, layers, o -> istio(o, signIn)) != null;
        layer(platform, MetricsLayer.NAME, layers, PlatformConfig::metrics);
        layer(platform, LogsLayer.NAME, layers, PlatformConfig::logs);
        layer(platform, DashboardsLayer.NAME, layers, PlatformConfig::dashboards);
        layer(platform, GuiLayer.NAME, layers, PlatformConfig::gui);

        List<CodeZeroApp> apps = AppCatalogue.read(platform, settings, mesh);
        // reserved app names, links, routes and chart sources are checked by CodeZeroApp.validate and InstallPlan, as for code
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
        if (!platform.has(key)) {
            return null;
        }
        boolean enabled = object.bool("enabled", true);
        // A switched-off layer's settings are read and checked all the same: a typo there would otherwise surface only
        // on the day the layer is switched on. Problems of its values (not its keys) do not matter while it is off.
        int before = object.problems().size();
        L layer = read.apply(object);
        object.rejectUnknownKeys();
        if (!enabled) {
            List<Problem> keyProblems = object.problems().subList(before, object.problems().size()).stream()
                    .filter(p -> p.message().startsWith("is not a known setting")).toList();
            object.problems().subList(before, object.problems().size()).clear();
            object.problems().addAll(keyProblems);
            return null;
        }
        layers.add(layer);
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

    private static CertificatesLayer certificates(ConfigObject certificates) {
        CertificatesLayer.Builder builder = CertificatesLayer.builder();
        String issuer = certificates.string("issuer", "selfSigned");
        ConfigObject acme = certificates.object("acme");
        if (issuer.equals("acme")) {
            builder.acme(new CertificatesLayer.Acme(acme.string("email", null), acme.string("server", CertificatesLayer.LETSENCRYPT)));
        } else if (!issuer.equals("selfSigned")) {
            certificates.problems().add(Problem.of(at(certificates, "issuer"), issuer, "must be selfSigned (development CA) or acme"));
        } else if (certificates.has("acme")) {
            certificates.problems().add(Problem.of(at(certificates, "acme"), "<set>", "is only read with issuer: acme, and the issuer is "
                    + issuer + "; set issuer: acme, or remove acme"));
            acme.string("email", null);
            acme.string("server", null);
        }
        acme.rejectUnknownKeys();
        return builder.build();
    }

    /** {@code platform.signIn}: the issuer, the client and who may sign in. The client secret is set with {@code --secret}. */
    private static SignInLayer signIn(ConfigObject o) {
        SignInLayer.Builder builder = SignInLayer.builder()
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

    private static IstioLayer istio(ConfigObject istio, SignInLayer signIn) {
        IstioLayer.Builder builder = IstioLayer.builder();
        String modeText = istio.string("mode", null);
        if (modeText != null) {
            Optional<IstioMode> parsed = IstioMode.parse(modeText);
            if (parsed.isEmpty()) {
                istio.problems().add(Problem.of(at(istio, "mode"), modeText, "must be sidecar or ambient"));
            }
            parsed.ifPresent(builder::mode);
        }
        ConfigObject gateway = istio.object("gateway");
        String gatewayNamespace = gateway.string("namespace", null);
        if (gatewayNamespace != null) {  // a value of the wrong type is a problem already, and keeps the default
            builder.gatewayNamespace(gatewayNamespace);
        }
        if (gateway.has("replicas")) {
            builder.gatewayReplicas(gateway.integer("replicas", 0));
        }
        builder.gatewayExposure(exposure(gateway, "exposure"));
        String serviceType = gateway.string("serviceType", null);
        if (serviceType != null) {
            Optional<GatewayServiceType> parsed = GatewayServiceType.parse(serviceType);
            if (parsed.isEmpty()) {
                gateway.problems().add(Problem.of(at(gateway, "serviceType"), serviceType, "must be LoadBalancer or NodePort"));
            }
            parsed.ifPresent(builder::gatewayServiceType);
        }
        builder.extraHosts(gateway.distinctStrings("extraHosts"));
        gateway.rejectUnknownKeys();
        if (istio.has("auth")) {
            ConfigObject a = istio.object("auth");
            builder.auth(new IstioLayer.Auth(a.string("issuer", ""), a.string("jwksUri", ""), a.distinctStrings("audiences")));
            a.rejectUnknownKeys();
        }
        if (signIn != null) {
            builder.signIn(signIn.externalAuthorization());
        }
        return builder.build();
    }

    private static LogsLayer logs(ConfigObject logs) {
        LogsLayer.Builder builder = LogsLayer.builder();
        ifSet(logs, "namespace", builder::namespace);
        ifSet(logs, "retention", builder::retention);
        ifSet(logs, "storage", builder::storage);
        return builder.build();
    }

    private static DashboardsLayer dashboards(ConfigObject dashboards) {
        DashboardsLayer.Builder builder = DashboardsLayer.builder();
        ifSet(dashboards, "namespace", builder::namespace);
        ifSet(dashboards, "storage", builder::storage);
        if (dashboards.has("route")) {
            builder.route(route(dashboards, "route", Optional.of(Visibility.PRIVATE)).orElse(null));
        }
        return builder.build();
    }

    private static GuiLayer gui(ConfigObject gui) {
        GuiLayer.Builder builder = GuiLayer.builder();
        ifSet(gui, "namespace", builder::namespace);
        if (gui.has("route")) {
            builder.route(route(gui, "route", Optional.of(Visibility.PRIVATE)).orElse(null));
        }
        if (gui.has("kiali")) {
            builder.kiali(gui.bool("kiali", false));
        }
        return builder.build();
    }

    private static MetricsLayer metrics(ConfigObject metrics) {
        MetricsLayer.Builder builder = MetricsLayer.builder();
        ifSet(metrics, "namespace", builder::namespace);
        ifSet(metrics, "retention", builder::retention);
        ifSet(metrics, "storage", builder::storage);
        ifSet(metrics, "alertStorage", builder::alertStorage);
        List<AlertReceiver> receivers = new ArrayList<>();
        for (ConfigObject r : metrics.objects("receivers")) {
            String name = r.string("name", null);
            String type = r.string("type", null);
            switch (type == null ? "" : type) {
                case "webhook" -> receivers.add(AlertReceiver.webhook(name, r.string("url", null)));
                case "slack" -> receivers.add(AlertReceiver.slack(name, r.string("url", null), r.string("channel", null)));
                case "email" -> receivers.add(new AlertReceiver.Email(name, r.string("to", null), r.string("from", null),
                        r.string("smarthost", null), r.string("username", null), plainSecret(r, "password")));
                default -> r.problems().add(Problem.of(at(r, "type"), type, "must be webhook, slack or email"));
            }
            r.rejectUnknownKeys();
        }
        return builder.receivers(receivers).build();
    }

    /** Hands a string setting to the builder only when config sets it, so the builder's default is the one default. */
    private static void ifSet(ConfigObject object, String key, java.util.function.Consumer<String> set) {
        String value = object.string(key, null);
        if (value != null) {  // absent, or of the wrong type (a problem already): the builder keeps its default
            set.accept(value);
        }
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

    /** The layer of this name, if it runs. */
    public Optional<PlatformLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

}
