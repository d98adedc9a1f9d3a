package io.codezero.platform.layers;

import java.util.Set;
import io.codezero.platform.Requirement;
import io.codezero.platform.Capability;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.outputs.LoadBalancerIngress;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.kubernetes.networking.v1.IngressClass;
import com.pulumi.kubernetes.networking.v1.IngressClassArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressClassSpecArgs;
import com.pulumi.resources.Resource;
import io.codezero.core.Versions;
import io.codezero.core.target.BundledIngress;
import io.codezero.core.target.ClusterFacts;
import io.codezero.core.target.CniChaining;
import io.codezero.core.target.CniPaths;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LimitedPriorityClasses;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.KubernetesObject;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.mesh.ExternalAuthorization;
import io.codezero.platform.mesh.GatewayServiceType;
import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.RouteHosts;
import io.codezero.platform.mesh.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Istio from the official charts: base (CRDs) → istiod → the system ingress gateway in its own
 * namespace; ambient mode adds istio-cni and ztunnel. Mesh-wide STRICT mTLS, and one system
 * Gateway serving HTTPS with the certificates layer's certificate and redirecting HTTP to HTTPS (on the gateway's
 * HTTP server, or per route when an ACME HTTP-01 issuer needs port 80 open for its challenges: see {@link Routes}).
 */
public final class IstioLayer extends DeclaredLayer<IstioLayer.Options> {
    /** The layer's name and config key. */
    public static final String NAME = "istio";
    /** Where istiod, the CNI agent and ztunnel run. */
    public static final String SYSTEM_NAMESPACE = "istio-system";
    /** The Istio Gateway every route binds to. */
    public static final String GATEWAY_NAME = "codezero-gateway";
    /** The gateway's Helm release, Service and service account. */
    public static final String GATEWAY_RELEASE = "istio-ingressgateway";
    /** The Secret holding the gateway's certificate. */
    public static final String TLS_SECRET = "codezero-gateway-tls";
    /** The VirtualService redirecting the gateway's own hosts to HTTPS when ACME HTTP-01 keeps the gateway from doing it. */
    public static final String HTTPS_REDIRECT_ROUTE = "codezero-https-redirect";
    /**
     * The gateway release's bound. With a LoadBalancer Service Helm waits until the Service has an address; a cloud
     * load balancer gets one within minutes, and if it never does the atomic release rolls back after this long
     * instead of hanging the deploy.
     */
    public static final int GATEWAY_TIMEOUT_SECONDS = 600;
    /**
     * The gateway pods' labels. {@code istio: ingressgateway} is also Istio's default {@code meshConfig.ingressSelector},
     * so Kubernetes Ingresses of class {@link Issuer#HTTP01_INGRESS_CLASS} (the ACME solver's) are served by these pods.
     */
    public static final Map<String, String> GATEWAY_SELECTOR = Map.of("istio", "ingressgateway");
    /** The controller name Istio's Ingress support answers to (Istio docs, "Kubernetes Ingress" task). */
    public static final String INGRESS_CONTROLLER = "istio.io/ingress-controller";

    /** The pinned Istio base chart (CRDs). */
    public static final ChartRef BASE = chart("istio-base", "base");
    /** The pinned istiod chart. */
    public static final ChartRef ISTIOD = chart("istiod", "istiod");
    /** The pinned gateway chart. */
    public static final ChartRef GATEWAY = chart("istio-gateway", "gateway");
    /** The pinned istio-cni chart. */
    public static final ChartRef CNI = chart("istio-cni", "cni");
    /** The pinned ztunnel chart (ambient mode). */
    public static final ChartRef ZTUNNEL = chart("istio-ztunnel", "ztunnel");

    /**
     * The settings an Istio layer was built with.
     *
     * @param mode               sidecar or ambient; null: the target's preference ({@link IstioMode#defaultFor}), decided at install
     * @param gatewayNamespace   where the ingress gateway runs
     * @param gatewayReplicas    minimum gateway replicas (the chart autoscales above it)
     * @param gatewayExposure    null: the platform setting, else the target's default
     * @param auth               the identity provider whose tokens private routes require; empty: private routes deny everyone
     * @param extraHosts         more host names for the gateway certificate when the issuer cannot sign wildcards, for hosts the
     *                           stack does not route itself (its own routes are named already)
     * @param gatewayServiceType null: chosen from the target's load balancers ({@link #serviceTypeFor}), because Helm waits for
     *                           a LoadBalancer Service's address and an atomic release rolls back when none comes before its timeout
     * @param signIn             the browser sign-in service private routes ask ({@link SignInLayer#externalAuthorization()});
     *                           empty: no extension provider, private routes deny requests without a token
     */
    public record Options(IstioMode mode, String gatewayNamespace, int gatewayReplicas, Exposure gatewayExposure,
                          Optional<Auth> auth, List<String> extraHosts, GatewayServiceType gatewayServiceType,
                          Optional<ExternalAuthorization> signIn) {
        /**
         * Copies the list.
         *
         * @param mode sidecar or ambient; null: the target's preference ({@link IstioMode#defaultFor}), decided at install
         * @param gatewayNamespace where the ingress gateway runs
         * @param gatewayReplicas minimum gateway replicas (the chart autoscales above it)
         * @param gatewayExposure null: the platform setting, else the target's default
         * @param auth the identity provider whose tokens private routes require; empty: private routes deny everyone
         * @param extraHosts more host names for the gateway certificate when the issuer cannot sign wildcards, for hosts the stack does not route itself (its own routes are named already)
         * @param gatewayServiceType null: chosen from the target's load balancers ({@link #serviceTypeFor}), because Helm waits for a LoadBalancer Service's address and an atomic release rolls back when none comes before its timeout
         * @param signIn the browser sign-in service private routes ask ({@link SignInLayer#externalAuthorization()}); empty: no extension provider, private routes deny requests without a token
         * @deprecated a layer is built with its builder ({@code IstioLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
            extraHosts = List.copyOf(extraHosts);
            auth = auth == null ? Optional.empty() : auth;
            signIn = signIn == null ? Optional.empty() : signIn;
        }
    }

    /**
     * A JWT issuer (OIDC provider) checked at the gateway.
     *
     * @param issuer    the issuer URL (https)
     * @param jwksUri   the URL serving its keys (https)
     * @param audiences the accepted audiences; empty: any
     */
    public record Auth(String issuer, String jwksUri, List<String> audiences) {
        /** Copies the list. */
        public Auth {
            audiences = List.copyOf(audiences);
        }
    }

    private IstioLayer(Options options) {
        super(options, NAME, charts(options), List.of(SYSTEM_NAMESPACE, options.gatewayNamespace()), requires(options), provides(options));
    }

    /**
     * Istio with STRICT mTLS and the system gateway. Every option has a default, the same one config gets: the mode is
     * the target's preference (ambient where CodeZero installs the CNI itself, e.g. bare metal), the service type follows
     * the target's load balancers.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IstioLayer}; every option has a default. */
    public static final class Builder {
        private IstioMode mode;
        private String gatewayNamespace = "istio-ingress";
        private int gatewayReplicas = 2;
        private Exposure gatewayExposure;
        private Auth auth;
        private List<String> extraHosts = List.of();
        private GatewayServiceType gatewayServiceType;
        private ExternalAuthorization signIn;

        private Builder() {
        }

        /** Sidecar or ambient; null (the default): the target's preference (ambient where CodeZero installs the CNI itself). */
        public Builder mode(IstioMode mode) {
            this.mode = mode;
            return this;
        }

        /** Where the ingress gateway runs; default istio-ingress. */
        public Builder gatewayNamespace(String gatewayNamespace) {
            this.gatewayNamespace = gatewayNamespace;
            return this;
        }

        /** Minimum gateway replicas (the chart autoscales above); default 2. */
        public Builder gatewayReplicas(int gatewayReplicas) {
            this.gatewayReplicas = gatewayReplicas;
            return this;
        }

        /** Internet-facing or internal; null: the platform setting, else the target's default. */
        public Builder gatewayExposure(Exposure gatewayExposure) {
            this.gatewayExposure = gatewayExposure;
            return this;
        }

        /** The identity provider whose bearer tokens private routes require; null (the default): private routes deny everyone. */
        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        /** More host names for the gateway certificate when the issuer cannot sign wildcards, beyond the stack's own routes. */
        public Builder extraHosts(List<String> extraHosts) {
            this.extraHosts = io.codezero.core.validation.Arguments.items(extraHosts, "IstioLayer.Builder.extraHosts");
            return this;
        }

        /** LoadBalancer or NodePort; null (the default): chosen from the target's load balancers. */
        public Builder gatewayServiceType(GatewayServiceType gatewayServiceType) {
            this.gatewayServiceType = gatewayServiceType;
            return this;
        }

        /**
         * The browser sign-in private routes ask, from the sign-in layer of the same stack:
         * {@code IstioLayer.builder().signIn(signIn.externalAuthorization())}. Istio learns it up front because istiod
         * reads extension providers from its mesh config, and the sign-in layer is installed after the mesh.
         */
        public Builder signIn(ExternalAuthorization signIn) {
            this.signIn = signIn;
            return this;
        }

        /** The layer; its options are checked with the stack's, before anything is registered. */
        public IstioLayer build() {
            return new IstioLayer(new Options(mode, gatewayNamespace, gatewayReplicas, gatewayExposure, Optional.ofNullable(auth), extraHosts,
                    gatewayServiceType, Optional.ofNullable(signIn)));
        }
    }

    /** The pinned Istio chart of this key and name. */
    public static ChartRef chart(String key, String name) {
        return new ChartRef(key, Versions.Platform.ISTIO_REPO, name, Versions.Platform.ISTIO);
    }

    private static List<ChartRef> charts(Options options) {
        // Without a chosen mode the target decides at install time, so both modes' charts may be overridden.
        return options.mode() == IstioMode.SIDECAR ? List.of(BASE, ISTIOD, GATEWAY, CNI) : List.of(BASE, ISTIOD, GATEWAY, CNI, ZTUNNEL);
    }

    /**
     * The gateway's certificate comes from the issuer when there is one, so certificates go first; it names every
     * routed host when the issuer cannot sign a wildcard.
     */
    private static List<Requirement> requires(Options options) {
        return List.of(Requirement.uses(Issuer.class), Requirement.uses(RouteHosts.class));
    }

    private static Set<Capability> provides(Options options) {
        // The sign-in layer needs the extension provider in the mesh config, so only a mesh told about it offers it.
        return options.signIn().isPresent()
                ? Set.of(Capability.of(Mesh.class), Capability.of(ExternalAuthorization.class))
                : Set.of(Capability.of(Mesh.class));
    }

    /**
     * The settings' own problems plus one the cluster's stated facts make: ambient mode, chosen or the
     * target's preference, where the target says its CNI drops a chained istio-cni plugin ({@link CniChaining}).
     */
    @Override
    public List<Problem> validate(PlatformSettings settings, ClusterFacts facts) {
        List<Problem> problems = new ArrayList<>(validate(settings));
        IstioMode mode = options().mode() != null ? options().mode() : IstioMode.defaultFor(facts);
        facts.get(CniChaining.class).filter(f -> !f.possible()).filter(f -> mode == IstioMode.AMBIENT).ifPresent(f ->
                problems.add(Problem.of("platform.istio.mode", "ambient", ambientRefusal(f))));
        return problems;
    }

    private static String ambientRefusal(CniChaining chaining) {
        return "needs the istio-cni node agent, which this cluster cannot run (" + chaining.why() + "); use platform.istio.mode: sidecar";
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        if (options().gatewayReplicas() < 1 || options().gatewayReplicas() > 20) {
            problems.add(Problem.of("platform.istio.gateway.replicas", options().gatewayReplicas(), "must be between 1 and 20"));
        }
        if (options().auth().isPresent() && options().signIn().isPresent()) {
            problems.add(Problem.of("platform.istio.auth", options().auth().get().issuer(), "and platform.signIn both guard private routes; "
                    + "keep signIn (it also accepts the issuer's bearer tokens for API clients) and remove istio.auth"));
        }
        for (int i = 0; i < options().extraHosts().size(); i++) {
            String host = options().extraHosts().get(i);
            String name = host != null && host.startsWith("*.") ? host.substring(2) : host;
            String at = "platform.istio.gateway.extraHosts[" + i + "]";
            io.codezero.core.validation.Names.whyNotDnsName(name).ifPresent(why -> problems.add(Problem.of(at, host, why
                    + "; a short name such as git gets the platform domain, *.apps.example.com is a wildcard")));
        }
        options().auth().ifPresent(auth -> {
            io.codezero.core.validation.Urls.whyNotHttps(auth.issuer(), "the URL of an OIDC issuer").ifPresent(why ->
                    problems.add(Problem.of("platform.istio.auth.issuer", auth.issuer(), why)));
            io.codezero.core.validation.Urls.whyNotHttps(auth.jwksUri(), "the URL serving the issuer's keys").ifPresent(why ->
                    problems.add(Problem.of("platform.istio.auth.jwksUri", auth.jwksUri(), why)));
        });
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        Exposure exposure = exposure(context.settings(), context.cluster().loadBalancers());
        refuseBundledIngress(context);
        Optional<CniPaths> cniPaths = context.cluster().facts().get(CniPaths.class);
        boolean nodeCriticalNeedsQuota = nodeCriticalNeedsQuota(context.cluster().facts().get(LimitedPriorityClasses.class));
        IstioMode mode = options().mode() != null ? options().mode() : IstioMode.defaultFor(context.cluster().facts());
        // ambient with a CNI that drops chained plugins never gets here: validate(settings, facts) refuses it, before the
        // stack registers anything and again before PlatformInstaller installs on the provisioned cluster
        Optional<CniChaining> chaining = context.cluster().facts().get(CniChaining.class).filter(f -> !f.possible());
        String gatewayNs = options().gatewayNamespace();

        // privileged: the CNI node agent (and ztunnel) change every node's pod networking. baseline: the gateway
        // chart sets no seccomp profile, which `restricted` requires.
        Namespace systemNs = context.namespace("istio-system-namespace", SYSTEM_NAMESPACE, PodSecurity.PRIVILEGED, Map.of());
        Namespace ingressNs = context.namespace("istio-ingress-namespace", gatewayNs, PodSecurity.BASELINE, Map.of());

        Map<String, Object> baseValues = new LinkedHashMap<>();
        baseValues.put("defaultRevision", "default");
        // The base chart templates its CRDs (since 1.24), so every chart upgrade upgrades them too (istio#43204).
        baseValues.put("base", Map.of("enableCRDTemplates", true));
        Release base = context.release("istio-base", BASE, "istio-base", SYSTEM_NAMESPACE, baseValues, 300, systemNs);

        Release istiod = context.release("istiod", ISTIOD, "istiod", SYSTEM_NAMESPACE, istiodValues(mode, cniPaths, chaining.isEmpty()), 600,
                systemNs, base);

        // The CNI node agent runs in both modes: in sidecar mode it sets up each pod's traffic redirection, so
        // injected pods need no istio-init container with NET_ADMIN and NET_RAW and app namespaces stay `restricted`.
        // Node agents need neither the CRDs nor istiod to start; they only gate mesh workloads.
        // Where the cluster's CNI would drop a chained plugin (CniChaining), there is no agent: injection adds istio-init.
        List<Resource> workloadsReady = new ArrayList<>(List.of(istiod));
        if (chaining.isEmpty()) {
            workloadsReady.add(context.release("istio-cni", CNI, "istio-cni", SYSTEM_NAMESPACE, cniValues(mode, cniPaths, nodeCriticalNeedsQuota), 600,
                    systemNs));
        }
        if (mode == IstioMode.AMBIENT) {
            Map<String, Object> ztunnelValues = new LinkedHashMap<>(Map.of("resources", requests("200m", "256Mi")));
            platformProfile(cniPaths, ztunnelValues);
            nodeCriticalQuota(nodeCriticalNeedsQuota, ztunnelValues);
            Release ztunnel = context.release("istio-ztunnel", ZTUNNEL, "ztunnel", SYSTEM_NAMESPACE, ztunnelValues, 600, systemNs);
            workloadsReady.add(ztunnel);
        }

        Map<String, Object> gatewayValues = new LinkedHashMap<>();
        gatewayValues.put("labels", GATEWAY_SELECTOR);
        // The chart makes no Service: the layer owns it (below), so its load-balancer address becomes
        // the stack's gatewayAddress and a destroy deletes it, and the cloud load balancer behind it,
        // as a resource of its own, before anything it depends on.
        gatewayValues.put("service", Map.of("type", "None"));
        gatewayValues.put("autoscaling", Map.of("enabled", true, "minReplicas", options().gatewayReplicas(),
                "maxReplicas", Math.max(options().gatewayReplicas(), 5)));
        gatewayValues.put("resources", requests("100m", "128Mi"));
        // The gateway's pods are injected with istiod's gateway template, so it follows istiod.
        Release gateway = context.release("istio-gateway", GATEWAY, GATEWAY_RELEASE, gatewayNs, gatewayValues, GATEWAY_TIMEOUT_SECONDS, ingressNs, istiod);
        Service gatewayService = gatewayService(context, gatewayNs, exposure, ingressNs, gateway);

        List<Resource> configReady = List.of(base, istiod);
        Resource[] configWait = configReady.toArray(Resource[]::new);

        KubernetesObject.of(context.name("istio-mtls-strict"), Routes.SECURITY_API, "PeerAuthentication",
                Meta.of("default", SYSTEM_NAMESPACE, NAME), Map.of("mtls", Map.of("mode", "STRICT")), context.options(configWait));

        Output<String> domain = context.settings().domain();
        Output<List<String>> routed = context.fact(RouteHosts.class).map(r -> r.hostNames(domain)).orElse(Output.of(List.of()));
        context.fact(Issuer.class).ifPresent(issuer -> {
            issuer.http01IngressClass().ifPresent(className -> ingressClass(context, className));
            Output<List<String>> dnsNames = certificateNames(domain, issuer.supportsWildcard(), routed);
            List<Resource> wait = new ArrayList<>(issuer.ready());
            wait.add(ingressNs);
            KubernetesObject.of(context.name("istio-gateway-certificate"), "cert-manager.io/v1", "Certificate",
                    Meta.of(TLS_SECRET, gatewayNs, NAME),
                    Map.of("secretName", TLS_SECRET,
                            "dnsNames", dnsNames,
                            "issuerRef", Map.of("name", issuer.name(), "kind", "ClusterIssuer", "group", "cert-manager.io"),
                            "privateKey", Map.of("algorithm", "ECDSA", "size", 256, "rotationPolicy", "Always")),
                    context.options(wait.toArray(Resource[]::new)));
        });

        Output<List<String>> hosts = domain.applyValue(d -> List.of(d, "*." + d));
        List<Resource> gatewayWait = new ArrayList<>(configReady);
        gatewayWait.add(ingressNs);
        boolean acmeHttp01 = context.fact(Issuer.class).flatMap(Issuer::http01IngressClass).isPresent();
        // With ACME HTTP-01 the HTTP server must not redirect: its redirect would cover the challenge path too
        // (see Routes: the solver's route joins the same virtual host). Routes redirect themselves instead.
        Map<String, Object> httpServer = new LinkedHashMap<>();
        httpServer.put("port", Map.of("number", Routes.HTTP_PORT, "name", "http", "protocol", "HTTP"));
        httpServer.put("hosts", hosts);
        if (!acmeHttp01) {
            httpServer.put("tls", Map.of("httpsRedirect", true));
        }
        KubernetesObject.of(context.name("istio-system-gateway"), Routes.NETWORKING_API, "Gateway",
                Meta.of(GATEWAY_NAME, gatewayNs, NAME),
                Map.of("selector", GATEWAY_SELECTOR,
                        "servers", List.of(httpServer,
                                Map.of("port", Map.of("number", 443, "name", "https", "protocol", "HTTPS"),
                                        "hosts", hosts, "tls", Map.of("mode", "SIMPLE", "credentialName", TLS_SECRET)))),
                context.options(gatewayWait.toArray(Resource[]::new)));
        if (acmeHttp01) {
            // The gateway's own hosts redirect here: the wildcard, and the bare domain and every certificate name by
            // itself, because while its challenge is pending the solver's route gives an extra host a virtual host of
            // its own, which the wildcard's routes do not reach. istiod refuses a VirtualService naming a host and a
            // wildcard that covers it ("duplicate hosts in virtual service", pkg/config/validation), so the wildcard
            // and the names are two VirtualServices. The match names no path, so istiod counts it catch-all and
            // orders it after the solver's challenge route.
            Output<List<String>> wildcards = hosts.applyValue(h -> h.stream().filter(n -> n.startsWith("*")).toList());
            Output<List<String>> names = Output.tuple(hosts, certificateNames(domain, false, routed)).applyValue(t -> {
                List<String> all = new ArrayList<>();
                Stream.concat(t.t1.stream(), t.t2.stream()).filter(h -> !h.startsWith("*") && !all.contains(h)).forEach(all::add);
                return all;
            });
            httpsRedirect(context, "istio-https-redirect", HTTPS_REDIRECT_ROUTE, gatewayNs, wildcards, gatewayWait);
            httpsRedirect(context, "istio-https-redirect-names", HTTPS_REDIRECT_ROUTE + "-names", gatewayNs, names, gatewayWait);
        }

        options().auth().ifPresent(auth -> KubernetesObject.of(context.name("istio-gateway-jwt"), Routes.SECURITY_API, "RequestAuthentication",
                Meta.of("codezero-identity", gatewayNs, NAME),
                Map.of("selector", Map.of("matchLabels", GATEWAY_SELECTOR),
                        "jwtRules", List.of(Map.of("issuer", auth.issuer(), "jwksUri", auth.jwksUri(),
                                "audiences", auth.audiences(), "forwardOriginalToken", true))),
                context.options(gatewayWait.toArray(Resource[]::new))));

        Mesh mesh = new Mesh(mode, workloadsReady, configReady, gatewayNs, GATEWAY_NAME, GATEWAY_SELECTOR,
                "cluster.local/ns/" + gatewayNs + "/sa/" + GATEWAY_RELEASE, domain, options().signIn(), acmeHttp01);

        InstalledLayer installed = InstalledLayer.of(NAME, workloadsReady).withFact(Mesh.class, mesh)
                .withGatewayAddress(gatewayAddress(gatewayService, gatewayNs));
        if (options().signIn().isPresent()) {
            installed = installed.withFact(ExternalAuthorization.class, options().signIn().get());
        }
        return installed;
    }

    /** A VirtualService on the gateway that answers port-80 requests for {@code hosts} with a redirect to https. */
    private static void httpsRedirect(LayerContext context, String resource, String name, String gatewayNs,
                                      Output<List<String>> hosts, List<Resource> wait) {
        KubernetesObject.of(context.name(resource), Routes.NETWORKING_API, "VirtualService", Meta.of(name, gatewayNs, NAME),
                Map.of("hosts", hosts, "gateways", List.of(gatewayNs + "/" + GATEWAY_NAME),
                        "http", List.of(Routes.httpsRedirect(Map.of("port", Routes.HTTP_PORT)))),
                context.options(wait.toArray(Resource[]::new)));
    }

    /**
     * The gateway certificate's names: the domain, then its wildcard when the issuer can sign one, or else every host
     * the stack routes (an ACME HTTP-01 certificate must name each), then the extra hosts; each once.
     */
    private Output<List<String>> certificateNames(Output<String> domainOutput, boolean wildcard, Output<List<String>> routedOutput) {
        return Output.tuple(domainOutput, routedOutput).applyValue(t -> {
            String domain = t.t1;
            java.util.Set<String> names = new java.util.LinkedHashSet<>(List.of(domain));
            if (wildcard) {
                names.add("*." + domain);
            } else {
                names.addAll(t.t2);
            }
            options().extraHosts().forEach(h -> names.add(h.contains(".") ? h : h + "." + domain));
            return List.copyOf(names);
        });
    }

    /**
     * The IngressClass the ACME HTTP-01 solver names. Istio answers Ingresses of a class whose controller is
     * {@link #INGRESS_CONTROLLER}, but neither istiod's nor the base chart creates one, so without it istiod ignores the
     * solver's Ingress and no certificate is ever issued.
     */
    private static IngressClass ingressClass(LayerContext c, String className) {
        return new IngressClass(c.name("istio-ingress-class"), IngressClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(className).labels(Meta.labels(NAME)).build())
                .spec(IngressClassSpecArgs.builder().controller(INGRESS_CONTROLLER).build())
                .build(), c.options());
    }

    /**
     * A controller the distribution bundles (k3s' Traefik) holds ports 80 and 443 of the cluster's load balancer; the
     * gateway's LoadBalancer Service would then wait for an address until its release times out.
     */
    private void refuseBundledIngress(LayerContext context) {
        Optional<BundledIngress> bundled = context.cluster().facts().get(BundledIngress.class).filter(BundledIngress::running);
        GatewayServiceType type = serviceTypeFor(options().gatewayServiceType(), context.cluster().loadBalancers());
        if (bundled.isPresent() && type == GatewayServiceType.LOAD_BALANCER) {
            throw new IllegalArgumentException("platform.istio.gateway: the cluster runs its bundled ingress controller "
                    + bundled.get().controller() + ", which holds ports 80 and 443 of the load balancer, so the gateway's "
                    + "LoadBalancer Service would never get an address; switch it off (" + bundled.get().how()
                    + ") or set platform.istio.gateway.serviceType: NodePort");
        }
    }

    /**
     * istio-cni: ambient redirection, or the sidecars' traffic redirection in sidecar mode, in the directories where
     * this cluster's runtime keeps its CNI files.
     */
    static Map<String, Object> cniValues(IstioMode mode, Optional<CniPaths> paths, boolean nodeCriticalNeedsQuota) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (mode == IstioMode.AMBIENT) {
            values.put("profile", "ambient");
        }
        values.put("resources", requests("100m", "100Mi"));
        paths.ifPresent(p -> {
            values.put("cniConfDir", p.confDir());
            values.put("cniBinDir", p.binDir());
            // Also under cni: the chart merges its platform profile over the defaults, then copies everything under
            // `cni` to the top (templates/zzy_descope_legacy.yaml), so the gke profile's `cni.cniBinDir: ""` would
            // replace a top-level value; ours under `cni` wins over the profile's.
            values.put("cni", Map.of("cniConfDir", p.confDir(), "cniBinDir", p.binDir()));
        });
        platformProfile(paths, values);
        nodeCriticalQuota(nodeCriticalNeedsQuota, values);
        return values;
    }

    /**
     * Whether the cluster admits {@code system-node-critical} pods outside kube-system only under a ResourceQuota
     * for that class ({@link LimitedPriorityClasses}): istio-cni's and ztunnel's DaemonSets use it, and without the
     * quota they get no pods at all.
     */
    static boolean nodeCriticalNeedsQuota(Optional<LimitedPriorityClasses> limited) {
        return limited.map(l -> l.limits(LimitedPriorityClasses.NODE_CRITICAL)).orElse(false);
    }

    /**
     * The node agents' charts create the ResourceQuota themselves, in their release namespace and scoped to
     * {@code system-node-critical} ({@code resourceQuotas.enabled}); Helm installs it before the DaemonSet.
     */
    private static void nodeCriticalQuota(boolean needed, Map<String, Object> values) {
        if (needed) {
            values.put("resourceQuotas", Map.of("enabled", true));
        }
    }

    /** Istio's platform profile (e.g. k3s) for charts that have one, as Istio's platform prerequisites ask. */
    private static void platformProfile(Optional<CniPaths> paths, Map<String, Object> values) {
        paths.map(CniPaths::istioPlatform).ifPresent(platform -> values.put("global", Map.of("platform", platform)));
    }

    /**
     * The gateway Service's type: the configured one, else LoadBalancer where the target assigns load-balancer
     * addresses ({@link LoadBalancerCapabilities#assignsAddresses()}: clouds, k3s ServiceLB) and NodePort where it
     * does not (minikube without {@code minikube tunnel}, simulated nodes): there Helm would wait for an address
     * until the release's timeout and then roll the gateway back.
     */
    public static GatewayServiceType serviceTypeFor(GatewayServiceType configured, LoadBalancerCapabilities loadBalancers) {
        if (configured != null) {
            return configured;
        }
        return loadBalancers.assignsAddresses() ? GatewayServiceType.LOAD_BALANCER : GatewayServiceType.NODE_PORT;
    }

    /**
     * The gateway pods' Service: the chart's ports, the target's annotations for the exposure. Where the target's
     * load-balancer controller cannot turn an existing load balancer internal or internet-facing
     * ({@link LoadBalancerCapabilities#exposureSwitchesInPlace()}), a change of exposure replaces the Service so the
     * controller makes a new load balancer of the right kind and deletes the old one; the plan shows a replacement.
     */
    private Service gatewayService(LayerContext c, String gatewayNs, Exposure exposure, Resource... after) {
        LoadBalancerCapabilities loadBalancers = c.cluster().loadBalancers();
        GatewayServiceType type = serviceTypeFor(options().gatewayServiceType(), loadBalancers);
        CustomResourceOptions options = c.options(after);
        // a NodePort gateway has no load balancer whose kind could be wrong
        List<String> replaceOn = type == GatewayServiceType.LOAD_BALANCER ? loadBalancers.replaceOnExposureChange() : List.of();
        if (!replaceOn.isEmpty()) {
            // The Service keeps its fixed name, so the old one must go before the new one can be created; the engine
            // does not delete first by itself when the replacement comes from replaceOnChanges.
            options = CustomResourceOptions.merge(options, CustomResourceOptions.builder()
                    .replaceOnChanges(replaceOn).deleteBeforeReplace(true).build());
        }
        Map<String, String> selector = new LinkedHashMap<>(GATEWAY_SELECTOR);
        selector.put("app", GATEWAY_RELEASE);
        return new Service(c.name("istio-gateway-service"), ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(GATEWAY_RELEASE).namespace(gatewayNs).labels(Meta.labels(NAME))
                        .annotations(loadBalancers.annotationsFor(exposure).orElse(Map.of())).build())
                .spec(ServiceSpecArgs.builder()
                        .type(type.kubernetesName())
                        .selector(selector)
                        .ports(List.of(port("status-port", 15021), port("http2", 80), port("https", 443)))
                        .build())
                .build(), options);
    }

    private static ServicePortArgs port(String name, int port) {
        return ServicePortArgs.builder().name(name).port(port).targetPort(port).protocol("TCP").build();
    }

    /** The load balancer's host name or IP; for a NodePort gateway, the Service's in-cluster name. */
    static Output<String> gatewayAddress(Service service, String namespace) {
        return service.status().applyValue(status -> status
                .flatMap(s -> s.loadBalancer())
                .flatMap(lb -> lb.ingress().stream().findFirst())
                .flatMap(IstioLayer::address)
                .orElse(GATEWAY_RELEASE + "." + namespace + ".svc"));
    }

    private static Optional<String> address(LoadBalancerIngress ingress) {
        return ingress.hostname().or(ingress::ip);
    }

    private Exposure exposure(PlatformSettings settings, LoadBalancerCapabilities loadBalancers) {
        Exposure wanted = options().gatewayExposure() != null ? options().gatewayExposure()
                : settings.gatewayExposure() != null ? settings.gatewayExposure() : loadBalancers.defaultExposure();
        if (!loadBalancers.supports(wanted)) {
            throw new IllegalArgumentException("platform.istio.gateway.exposure = \"" + wanted + "\": this target cannot provide it; it offers "
                    + loadBalancers);
        }
        return wanted;
    }

    private Map<String, Object> istiodValues(IstioMode mode, Optional<CniPaths> cniPaths, boolean cniAgent) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (mode == IstioMode.AMBIENT) {
            values.put("profile", "ambient");
        }
        Map<String, Object> meshConfig = new LinkedHashMap<>(Map.of("accessLogFile", "/dev/stdout", "enablePrometheusMerge", true));
        options().signIn().ifPresent(signIn -> meshConfig.put("extensionProviders", signIn.extensionProviders()));
        values.put("meshConfig", meshConfig);
        // Injection leaves pods' traffic redirection to the CNI agent (no privileged istio-init container), where there is one.
        values.put("pilot", Map.of("autoscaleMin", 1, "resources", requests("100m", "256Mi"), "cni", Map.of("enabled", cniAgent)));
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("proxy", Map.of("resources", requests("50m", "64Mi")));
        if (mode == IstioMode.AMBIENT) {
            cniPaths.map(CniPaths::istioPlatform).ifPresent(platform -> global.put("platform", platform));
        }
        values.put("global", global);
        return values;
    }

    static Map<String, Object> requests(String cpu, String memory) {
        return Map.of("requests", Map.of("cpu", cpu, "memory", memory));
    }
}
