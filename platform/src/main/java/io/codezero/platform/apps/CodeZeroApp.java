package io.codezero.platform.apps;

import io.codezero.core.target.CniChaining;
import io.codezero.platform.mesh.IstioMode;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;
import io.codezero.core.validation.Names;
import io.codezero.core.validation.Problem;
import io.codezero.platform.Capability;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.Requirement;
import io.codezero.platform.LayerContext;
import io.codezero.platform.PlatformApp;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.k8s.KubernetesObject;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.k8s.Namespaces;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.layers.Dashboards;
import io.codezero.platform.layers.Metrics;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.layers.Quantities;
import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Routes;
import io.codezero.platform.secrets.RandomPassword;
import io.codezero.platform.secrets.RandomPasswordArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;

/**
 * One app in its own namespace: its workload (a container image or a Helm chart), config,
 * generated secrets, volumes, routes, the interfaces it offers and the ones it links to. Every
 * resource is a child of the app's component, so removing the app from the program removes all of it.
 *
 * <p>In the mesh each app namespace denies all traffic by default; routes allow the gateway in, and
 * each link allows exactly its consumer's identity to the offered port.
 */
public class CodeZeroApp implements PlatformApp {
    /** The label naming the link a Secret or policy belongs to. */
    public static final String LINK_LABEL = "codezero.io/link";
    /** The label naming the app a resource belongs to (its pods are selected by it). */
    public static final String APP_LABEL = "app.kubernetes.io/name";
    /** Port where the sidecar serves the app's metrics merged with its own; outside mTLS so a non-mesh Prometheus can scrape it. */
    public static final int MERGED_METRICS_PORT = 15020;
    /** Port where a sidecar's Envoy serves its own statistics (scraped by the metrics layer's {@code envoy-stats} PodMonitor). */
    public static final int ENVOY_METRICS_PORT = 15090;
    /** Names of the platform's own layers and namespaces, which an app (its name is its namespace) may not take. */
    public static final Set<String> RESERVED_NAMES = Set.of("system", "certificates", "istio", "metrics", "logs", "dashboards", "gui",
            "default", "cert-manager");

    private final AppSpec spec;

    /**
     * An app from its spec ({@link AppSpec#builder}); catalogue apps (PostgreSql, Gitea, ...) are ready-made specs.
     *
     * @param spec what the app is
     */
    public CodeZeroApp(AppSpec spec) {
        this.spec = spec;
    }

    /** What this app is. */
    public AppSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    /** Where an app's settings are reported: {@code platform.apps[<name>]}. */
    static String configPath(String name) {
        return "platform.apps[" + name + "]";
    }

    /** The capability of one offered interface, e.g. {@code AppOffers[db/postgres]}. */
    public static Capability offerCapability(String app, String interfaceName) {
        return Capability.of(AppOffers.class, app + "/" + interfaceName);
    }

    /**
     * Each link needs the linked app's interface (so the provider is installed first); routes need the mesh's
     * gateway; metrics and dashboards are used when their layers run.
     */
    @Override
    public List<Requirement> requires() {
        List<Requirement> requires = new ArrayList<>(List.of(Requirement.uses(Mesh.class), Requirement.uses(Metrics.class),
                Requirement.uses(Dashboards.class)));
        for (int i = 0; i < spec.links().size(); i++) {
            Link link = spec.links().get(i);
            requires.add(Requirement.needs(offerCapability(link.app(), link.interfaceName()), path() + ".links[" + i + "]",
                    "names no app of this stack; add an app named \"" + link.app() + "\" or remove the link"));
        }
        if (!spec.routes().isEmpty()) {
            requires.add(Requirement.needs(Mesh.class, path() + ".route",
                    "routes are served by the Istio gateway: add the istio layer, or remove the route (route: none in config)"));
        }
        return requires;
    }

    @Override
    public Set<Capability> provides() {
        Set<Capability> provides = new LinkedHashSet<>(List.of(Capability.of(AppOffers.class, spec.name())));
        spec.offers().forEach(offer -> provides.add(offerCapability(spec.name(), offer.name())));
        return provides;
    }

    @Override
    public List<Route> routes(PlatformSettings settings) {
        return spec.routes();
    }

    /** An app lives in the namespace of its name. */
    @Override
    public List<String> namespaces() {
        return List.of(spec.name());
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        String at = configPath(spec.name());
        List<Problem> problems = new ArrayList<>();
        Names.whyNotDnsLabel(spec.name(), 40).ifPresent(why -> problems.add(Problem.of(at + ".name", spec.name(), why)));
        if (spec.name() != null && (RESERVED_NAMES.contains(spec.name()) || spec.name().startsWith("codezero-")
                || spec.name().startsWith("istio-") || spec.name().startsWith("kube-"))) {
            problems.add(Problem.of(at + ".name", spec.name(), "is reserved for the platform's own layers and namespaces; choose another name"));
        }
        if (spec.workload() instanceof Workload.Image image) {
            ImageReference.whyInvalid(image.image()).ifPresent(why -> problems.add(Problem.of(at + ".image", image.image(), why)));
        }
        for (int i = 0; i < spec.links().size(); i++) {
            Link link = spec.links().get(i);
            if (link.app() == null || link.app().isBlank()) {
                problems.add(Problem.of(at + ".links[" + i + "].app", link.app(), "is required: the name of the app to link to"));
            }
            if (link.interfaceName() == null || link.interfaceName().isBlank()) {
                problems.add(Problem.of(at + ".links[" + i + "].interface", link.interfaceName(),
                        "is required: the interface of " + link.app() + " to use (for example postgres)"));
            }
        }
        for (int i = 0; i < spec.offers().size(); i++) {
            Offer offer = spec.offers().get(i);
            if (offer.port() < 1 || offer.port() > 65535) {
                problems.add(Problem.of(at + ".offers[" + i + "].port", offer.port(), "must be a port between 1 and 65535"));
            }
            String offerAt = at + ".offers[" + i + "].name";
            Names.whyNotDnsLabel(offer.name(), 15).ifPresent(why -> problems.add(Problem.of(offerAt, offer.name(),
                    why + " (it names a Service port, which Kubernetes limits to 15 characters)")));
            for (int j = 0; j < i; j++) {
                if (spec.offers().get(j).name() != null && spec.offers().get(j).name().equals(offer.name())) {
                    problems.add(Problem.of(offerAt, offer.name(), "is also the name of offers[" + j + "]; Service port names must be unique"));
                }
            }
        }
        if (spec.workload().port() < 1 || spec.workload().port() > 65535) {
            problems.add(Problem.of(at + ".port", spec.workload().port(), "must be a port between 1 and 65535"));
        }
        for (int i = 0; i < spec.volumes().size(); i++) {
            Quantities.checkStorage(at + ".volumes[" + i + "].size", spec.volumes().get(i).size(), problems);
        }
        if (spec.workload() instanceof Workload.Image) {
            problems.addAll(HardenedPod.problems(at, spec));
            spec.probes().ifPresent(probes -> problems.addAll(probes.problems(at + ".probes")));
            if (spec.podSecurity() != PodSecurity.RESTRICTED) {
                problems.add(Problem.of(at + ".podSecurity", spec.podSecurity().level(),
                        "must be restricted for an image app: CodeZero writes its pod, and that pod passes restricted"));
            }
        }
        spec.quota().ifPresent(quota -> problems.addAll(quota.problems(at + ".quota", spec)));
        if (spec.replicas() < 1 || spec.replicas() > 50) {
            problems.add(Problem.of(at + ".replicas", spec.replicas(), "must be between 1 and 50"));
        }
        if (!spec.volumes().isEmpty() && spec.replicas() > 1) {
            problems.add(Problem.of(at + ".replicas", spec.replicas(), "must be 1 for an app with ReadWriteOnce volumes"));
        }
        for (int i = 0; i < spec.routes().size(); i++) {
            Route r = spec.routes().get(i);
            if (r.host() != null) {
                Names.whyNotDnsLabel(r.host(), 63).ifPresent(why -> problems.add(Problem.of(at + ".routes.host", r.host(), why)));
            } else if (!r.path().matches("/[a-z0-9][-a-z0-9/]*")) {
                problems.add(Problem.of(at + ".routes.path", r.path(), "must start with / followed by lowercase letters, digits, '-' or '/'"));
            }
        }
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        String name = spec.name();
        Optional<Mesh> mesh = context.fact(Mesh.class);
        Map<String, String> labels = Meta.with(Meta.labels("app"), APP_LABEL, name);

        // Sidecars without a CNI agent (CniChaining: the cluster's CNI drops chained plugins) are set up by istio-init,
        // which needs NET_ADMIN and NET_RAW: only `privileged` admits it. The app's own containers are still hardened.
        boolean istioInit = mesh.filter(m -> m.mode() == IstioMode.SIDECAR).isPresent()
                && context.cluster().facts().get(CniChaining.class).filter(f -> !f.possible()).isPresent();
        Namespace namespace = Namespaces.create(context, name + "-namespace", name, "app", istioInit ? PodSecurity.PRIVILEGED : spec.podSecurity(),
                mesh.map(m -> m.mode().namespaceLabels()).orElse(Map.of()));
        AppNetworkPolicies networkPolicies = new AppNetworkPolicies(context, mesh.map(Mesh::mode), labels);
        networkPolicies.defaultDeny(name, name, namespace);
        Map<String, String> podSelector = spec.workload() instanceof Workload.Image ? Map.of(APP_LABEL, name) : Map.of();
        spec.quota().ifPresent(quota -> AppQuota.create(context, name, labels, quota, namespace));
        String serviceAccountName = spec.workload() instanceof Workload.Chart chart ? chart.serviceAccount() : name;
        List<Resource> workloadWait = new ArrayList<>(List.of(namespace));
        if (spec.workload() instanceof Workload.Image) {
            workloadWait.add(new ServiceAccount(context.name(name + "-service-account"), ServiceAccountArgs.builder()
                    .metadata(Meta.of(name, name, labels)).automountServiceAccountToken(spec.kubernetesApi()).build(), context.options(namespace)));
        }
        mesh.ifPresent(m -> {
            workloadWait.addAll(m.workloadsReady());
            List<Resource> wait = new ArrayList<>(m.configReady());
            wait.add(namespace);
            // Nothing reaches the app unless a route or a link allows it.
            KubernetesObject.of(context.name(name + "-default-deny"), Routes.SECURITY_API, "AuthorizationPolicy", Meta.of("default-deny", name, labels),
                    Map.of(), context.options(wait.toArray(Resource[]::new)));
        });

        Map<String, Output<String>> generated = new LinkedHashMap<>();
        for (String key : spec.generatedSecrets()) {
            generated.put(key, new RandomPassword(context.name(name + "-" + key), RandomPasswordArgs.of(32), context.foreignOptions()).result());
        }
        String generatedSecretName = name + "-generated";
        if (!generated.isEmpty()) {
            workloadWait.add(new Secret(context.name(name + "-generated"), SecretArgs.builder()
                    .metadata(Meta.of(generatedSecretName, name, labels))
                    .stringData(Outputs.map(generated).asSecret())
                    .build(), context.options(namespace)));
        }
        String configName = name + "-config";
        if (!spec.config().isEmpty()) {
            workloadWait.add(new ConfigMap(context.name(name + "-config"), ConfigMapArgs.builder()
                    .metadata(Meta.of(configName, name, labels)).data(spec.config()).build(), context.options(namespace)));
        }

        List<EnvVarArgs> env = new ArrayList<>();
        List<EnvFromSourceArgs> envFrom = new ArrayList<>();
        if (!spec.config().isEmpty()) {
            envFrom.add(EnvFromSourceArgs.builder().configMapRef(ConfigMapEnvSourceArgs.builder().name(configName).build()).build());
        }
        // Sorted: a map's iteration order may change from one JVM to the next, and a reordered env
        // list is a diff that restarts the workload on every `pulumi up`.
        new TreeMap<>(spec.secretEnv()).forEach((envName, key) -> env.add(secretEnv(envName, generatedSecretName, key)));

        for (Link link : spec.links()) {
            AppOffers provider = context.fact(AppOffers.class, link.app() + "/" + link.interfaceName())
                    .orElseThrow(() -> new IllegalStateException(configPath(name) + ".links: app \"" + link.app()
                            + "\" is not installed before \"" + name + "\"; the install plan should have refused this"));
            AppOffers.Resolved offer = Optional.ofNullable(provider.offers().get(link.interfaceName()))
                    .orElseThrow(() -> new IllegalArgumentException(configPath(name) + ".links: app \"" + link.app()
                            + "\" offers no interface \"" + link.interfaceName() + "\""));
            String linkId = name + "-" + link.app() + "-" + link.interfaceName();
            Map<String, String> linkLabels = Meta.with(labels, LINK_LABEL, linkId);
            Secret linkSecret = new Secret(context.name(name + "-link-" + link.app() + "-" + link.interfaceName()), SecretArgs.builder()
                    .metadata(Meta.of(linkId, name, linkLabels))
                    .stringData(Outputs.map(offer.details()).asSecret())
                    .build(), context.options(namespace));
            workloadWait.add(linkSecret);
            workloadWait.addAll(offer.ready());
            if (link.env().isEmpty()) {
                envFrom.add(EnvFromSourceArgs.builder().prefix(link.interfaceName().toUpperCase(Locale.ROOT).replace('-', '_') + "_")
                        .secretRef(SecretEnvSourceArgs.builder().name(linkId).build()).build());
            } else {
                new TreeMap<>(link.env()).forEach((envName, detail) -> env.add(secretEnv(envName, linkId, detail)));
            }
            // The provider's namespace denies all ingress; this lets exactly the consumer's pods reach the offered port.
            networkPolicies.allow(name + "-link-" + link.app() + "-" + link.interfaceName() + "-network", "allow-" + linkId,
                    provider.namespace(), Map.of(), name, podSelector, List.of(offer.port()), provider.namespaceResource());
            mesh.ifPresent(m -> {
                List<Resource> wait = new ArrayList<>(m.configReady());
                wait.add(provider.namespaceResource());
                KubernetesObject.of(context.name(name + "-link-" + link.app() + "-" + link.interfaceName() + "-policy"), Routes.SECURITY_API,
                        "AuthorizationPolicy", Meta.of("allow-" + linkId, provider.namespace(), linkLabels),
                        Map.of("action", "ALLOW",
                                "rules", List.of(Map.of(
                                        "from", List.of(Map.of("source", Map.of("principals",
                                                List.of("cluster.local/ns/" + name + "/sa/" + serviceAccountName)))),
                                        "to", List.of(Map.of("operation", Map.of("ports", List.of(String.valueOf(offer.port())))))))),
                        context.options(wait.toArray(Resource[]::new)));
            });
        }

        boolean sidecar = mesh.map(m -> m.mode() == IstioMode.SIDECAR).orElse(false);
        CustomResource workload;
        Service service = null;
        if (spec.workload() instanceof Workload.Image image) {
            List<PersistentVolumeClaim> claims = new ArrayList<>();
            for (Volume volume : spec.volumes()) {
                claims.add(new PersistentVolumeClaim(context.name(name + "-volume-" + volume.name()), PersistentVolumeClaimArgs.builder()
                        .metadata(Meta.of(name + "-" + volume.name(), name, labels))
                        .spec(PersistentVolumeClaimSpecArgs.builder()
                                .accessModes("ReadWriteOnce")
                                .storageClassName(context.cluster().storage().classFor(volume.tier()))
                                .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", volume.size())).build())
                                .build())
                        .build(), context.options(namespace)));
            }
            workloadWait.addAll(claims);
            workload = deployment(context, image, labels, sidecar, env, envFrom, workloadWait);
            service = service(context, image, labels, sidecar, namespace);
        } else {
            Workload.Chart chart = (Workload.Chart) spec.workload();
            workload = context.release(name + "-release", chart.chart(), name, name, chart.values(), 600, workloadWait.toArray(Resource[]::new));
        }

        List<Resource> ready = new ArrayList<>(List.of(workload));
        if (service != null) {
            ready.add(service);
        }
        Map<String, Output<String>> urls = new LinkedHashMap<>();
        String serviceName = spec.workload().serviceName(name);
        if (mesh.isPresent()) {
            for (int i = 0; i < spec.routes().size(); i++) {
                Route route = spec.routes().get(i);
                urls.put(spec.routes().size() == 1 ? name : name + "-" + i, context.expose(name + "-route-" + i, name,
                        serviceName, spec.workload().port(), route, true, namespace));
            }
            if (!spec.routes().isEmpty()) {
                networkPolicies.allow(name + "-network-allow-gateway", "allow-gateway", name, podSelector, mesh.get().gatewayNamespace(),
                        mesh.get().gatewaySelector(), List.of(spec.workload().port()), namespace);
            }
        }

        Optional<Metrics> metrics = context.fact(Metrics.class);
        boolean merged = metrics.isPresent() && spec.metrics().isPresent() && service != null;
        if (metrics.isPresent() && sidecar && !merged) {
            // The metrics layer's envoy-stats PodMonitor scrapes every sidecar on 15090; the default deny must let
            // Prometheus in, or the app's destination-side istio_* series are missing (Kiali, the mesh error alert).
            networkPolicies.allow(name + "-network-allow-envoy-metrics", "allow-envoy-metrics", name, podSelector,
                    Map.of(Meta.COMPONENT, MetricsLayer.NAME, Meta.MANAGED_BY, Meta.MANAGER), Map.of(),
                    List.of(ENVOY_METRICS_PORT), namespace);
        }
        if (merged) {
            List<Resource> wait = new ArrayList<>(metrics.get().crdsReady());
            wait.add(namespace);
            Map<String, Object> endpoint = sidecar
                    ? Map.of("port", "http-merged-metrics", "path", "/stats/prometheus", "interval", "30s")
                    // the Service's name for the metrics port: "metrics" when it is a port of its own, else the served port's
                    : Map.of("port", portName(spec.metrics().get().port()), "path", spec.metrics().get().path(), "interval", "30s");
            if (mesh.isPresent() && !sidecar) {
                // Ambient: Prometheus scrapes the app's port through ztunnel, so the default deny must let it in.
                List<Resource> policyWait = new ArrayList<>(mesh.get().configReady());
                policyWait.add(namespace);
                KubernetesObject.of(context.name(name + "-allow-metrics"), Routes.SECURITY_API, "AuthorizationPolicy", Meta.of("allow-metrics", name, labels),
                        Map.of("action", "ALLOW", "rules", List.of(Map.of(
                                "from", List.of(Map.of("source", Map.of("principals", List.of(metrics.get().scraperPrincipal())))),
                                "to", List.of(Map.of("operation", Map.of("ports", List.of(String.valueOf(spec.metrics().get().port())))))))),
                        context.options(policyWait.toArray(Resource[]::new)));
            }
            networkPolicies.allow(name + "-network-allow-metrics", "allow-metrics", name, podSelector,
                    Map.of(Meta.COMPONENT, MetricsLayer.NAME, Meta.MANAGED_BY, Meta.MANAGER), Map.of(),
                    List.of(sidecar ? MERGED_METRICS_PORT : spec.metrics().get().port()), namespace);
            KubernetesObject.of(context.name(name + "-service-monitor"), "monitoring.coreos.com/v1", "ServiceMonitor", Meta.of(name, name, labels),
                    Map.of("selector", Map.of("matchLabels", Map.of(APP_LABEL, name)), "endpoints", List.of(endpoint)),
                    context.options(wait.toArray(Resource[]::new)));
        }
        Optional<Dashboards> dashboards = context.fact(Dashboards.class);
        if (dashboards.isPresent()) {
            spec.dashboards().forEach((dashboard, json) -> new ConfigMap(context.name(name + "-dashboard-" + dashboard), ConfigMapArgs.builder()
                    .metadata(Meta.of(name + "-" + dashboard, name, Meta.with(labels, dashboards.get().label(), dashboards.get().labelValue())))
                    .data(Map.of(dashboard + ".json", json))
                    .build(), context.options(namespace)));
        }

        Map<String, AppOffers.Resolved> offers = new LinkedHashMap<>();
        String host = serviceName + "." + name + ".svc.cluster.local";
        for (Offer offer : spec.offers()) {
            Map<String, Output<String>> details = new LinkedHashMap<>();
            offer.details().forEach((key, template) -> details.put(key, fill(template, host, offer.port(), generated)));
            offers.put(offer.name(), new AppOffers.Resolved(offer.name(), offer.port(), details, ready));
        }
        InstalledLayer installed = InstalledLayer.of(name, ready)
                .withFact(AppOffers.class, new AppOffers(name, name, serviceAccountName, namespace, offers));
        for (Map.Entry<String, Output<String>> url : urls.entrySet()) {
            installed = installed.withConsole(url.getKey(), url.getValue());
        }
        return installed;
    }

    private Deployment deployment(LayerContext c, Workload.Image image, Map<String, String> labels, boolean sidecar, List<EnvVarArgs> env,
                                  List<EnvFromSourceArgs> envFrom, List<Resource> wait) {
        String name = spec.name();
        List<EnvVarArgs> allEnv = new ArrayList<>();
        // plain values and values from other resources in one order, by name, so the pod spec is the same on every run
        Map<String, Output<String>> plainAndOutput = new TreeMap<>(image.outputEnv());
        image.env().forEach((k, v) -> plainAndOutput.put(k, Output.of(v)));
        plainAndOutput.forEach((k, v) -> allEnv.add(EnvVarArgs.builder().name(k).value(v).build()));
        allEnv.addAll(env);
        Set<Integer> ports = servedPorts(image);
        spec.metrics().ifPresent(m -> ports.add(m.port()));
        Probes probes = spec.probesOrDefault();
        List<VolumeMountArgs> volumeMounts = new ArrayList<>(spec.volumes().stream()
                .map(v -> VolumeMountArgs.builder().name(v.name()).mountPath(v.mountPath()).build()).toList());
        volumeMounts.addAll(HardenedPod.scratchMounts(spec));
        List<VolumeArgs> volumes = new ArrayList<>(spec.volumes().stream().map(v -> VolumeArgs.builder().name(v.name())
                .persistentVolumeClaim(PersistentVolumeClaimVolumeSourceArgs.builder().claimName(name + "-" + v.name()).build()).build()).toList());
        volumes.addAll(HardenedPod.scratchVolumes(spec));

        Map<String, String> annotations = new LinkedHashMap<>();
        spec.metrics().ifPresent(m -> {
            // Read by the sidecar, which merges the app's metrics into its own endpoint (Istio metrics merging).
            annotations.put("prometheus.io/scrape", "true");
            annotations.put("prometheus.io/port", String.valueOf(m.port()));
            annotations.put("prometheus.io/path", m.path());
        });
        ContainerArgs.Builder container = ContainerArgs.builder()
                .name(name)
                .image(image.image())
                .ports(ports.stream().map(p -> ContainerPortArgs.builder().containerPort(p).name(portName(p)).build()).toList())
                .env(allEnv)
                .envFrom(envFrom)
                // Pinned tags (validated): the node's copy is the same image, and a restart does not need the registry.
                .imagePullPolicy("IfNotPresent")
                .resources(HardenedPod.resources(spec))
                .securityContext(HardenedPod.containerSecurity(spec))
                .readinessProbe(HardenedPod.probe(probes.readiness()))
                .livenessProbe(HardenedPod.probe(probes.liveness()))
                .volumeMounts(volumeMounts);
        probes.startup().ifPresent(startup -> container.startupProbe(HardenedPod.probe(startup)));
        if (!image.args().isEmpty()) {
            container.args(image.args());
        }
        return new Deployment(c.name(name + "-deployment"), DeploymentArgs.builder()
                .metadata(Meta.of(name, name, labels))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(spec.replicas())
                        // A ReadWriteOnce volume cannot be attached to the old and the new pod at once.
                        .strategy(DeploymentStrategyArgs.builder().type(spec.volumes().isEmpty() ? "RollingUpdate" : "Recreate").build())
                        .selector(LabelSelectorArgs.builder().matchLabels(Map.of(APP_LABEL, name)).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(podLabels(labels, sidecar)).annotations(annotations).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(name)
                                        // No API token in the pod unless the app talks to the Kubernetes API.
                                        .automountServiceAccountToken(spec.kubernetesApi())
                                        .securityContext(HardenedPod.podSecurity(spec, image.fsGroup()))
                                        .containers(container.build())
                                        .volumes(volumes)
                                        .build())
                                .build())
                        .build())
                .build(), c.options(wait.toArray(Resource[]::new)));
    }

    /**
     * The pod's labels: in sidecar mode an app with metrics is scraped once, through the sidecar's merged endpoint
     * (the app's metrics and Envoy's); {@link MetricsLayer#MERGED_METRICS_LABEL} keeps the envoy-stats PodMonitor off it.
     */
    private Map<String, String> podLabels(Map<String, String> labels, boolean sidecar) {
        return sidecar && spec.metrics().isPresent() ? Meta.with(labels, MetricsLayer.MERGED_METRICS_LABEL, MetricsLayer.MERGED) : labels;
    }

    private Service service(LayerContext c, Workload.Image image, Map<String, String> labels, boolean sidecar, Namespace namespace) {
        String name = spec.name();
        Set<Integer> ports = servedPorts(image);
        List<ServicePortArgs> servicePorts = new ArrayList<>();
        ports.forEach(p -> servicePorts.add(ServicePortArgs.builder().name(portName(p)).port(p).targetPort(p).build()));
        spec.metrics().ifPresent(m -> {
            if (sidecar) {
                servicePorts.add(ServicePortArgs.builder().name("http-merged-metrics").port(MERGED_METRICS_PORT).targetPort(MERGED_METRICS_PORT).build());
            } else if (!ports.contains(m.port())) {
                servicePorts.add(ServicePortArgs.builder().name("metrics").port(m.port()).targetPort(m.port()).build());
            }
        });
        // The Service needs only the namespace: it selects pods whenever they come.
        return new Service(c.name(name + "-service"), ServiceArgs.builder()
                .metadata(Meta.of(name, name, labels))
                .spec(ServiceSpecArgs.builder().selector(Map.of(APP_LABEL, name)).ports(servicePorts).build())
                .build(), c.options(namespace));
    }

    /** The workload's port and every offered port, in that order, each once. */
    private Set<Integer> servedPorts(Workload.Image image) {
        Set<Integer> ports = new LinkedHashSet<>();
        ports.add(image.port());
        spec.offers().forEach(o -> ports.add(o.port()));
        return ports;
    }

    private String portName(int port) {
        // Istio infers the protocol from the port name's prefix; "tcp-" is right for databases and safe for HTTP.
        boolean http = port == spec.workload().port() && !spec.routes().isEmpty();
        if (spec.metrics().isPresent() && spec.metrics().get().port() == port && port != spec.workload().port()) {
            return "metrics";
        }
        return (http ? "http-" : "tcp-") + port;
    }

    private static EnvVarArgs secretEnv(String envName, String secretName, String key) {
        return EnvVarArgs.builder().name(envName).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(secretName).key(key).build()).build()).build();
    }

    /** Fills {host}, {port} and {secret:KEY}; the result is secret when a secret went into it. */
    static Output<String> fill(String template, String host, int port, Map<String, Output<String>> generated) {
        String text = template.replace("{host}", host).replace("{port}", String.valueOf(port));
        Output<String> result = Output.of(text);
        for (Map.Entry<String, Output<String>> secret : generated.entrySet()) {
            String placeholder = "{secret:" + secret.getKey() + "}";
            if (text.contains(placeholder)) {
                result = Output.tuple(result, secret.getValue()).applyValue(t -> t.t1.replace(placeholder, t.t2));
            }
        }
        return result;
    }
}
