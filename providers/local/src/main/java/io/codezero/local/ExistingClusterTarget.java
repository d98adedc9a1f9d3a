package io.codezero.local;

import io.codezero.core.target.PhysicalName;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.plan.OfflinePlan;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adopts a cluster that already exists (Minikube, kind, k3d, Docker Desktop, any kubeconfig
 * context). It creates nothing outside Kubernetes: it checks the kubeconfig and context at program
 * time and hands back the same {@link ProvisionedCluster} shape as a cloud target.
 */
public final class ExistingClusterTarget implements ClusterTarget {
    /** The target kind, as {@code codezero:target} names it in config. */
    public static final String KIND = "local";

    private final ExistingClusterArgs args;
    private ResolvedKubeconfig resolved;

    /**
     * A target for the cluster {@code args} points at; nothing is read until the program plans.
     * @param args where the kubeconfig is and which context to use
     */
    public ExistingClusterTarget(ExistingClusterArgs args) {
        this.args = args;
    }

    /**
     * Reads {@code codezero:kubeconfig}, {@code codezero:context} and {@code codezero:storageClass}.
     * @param codezero the {@code codezero} config namespace
     * @return a target built from those values
     */
    public static ExistingClusterTarget fromConfig(ConfigObject codezero) {
        return new ExistingClusterTarget(argsFromConfig(codezero).build());
    }

    /**
     * The arguments {@link #fromConfig} reads, still open: a caller that has the kubeconfig in another form (its content,
     * or another resource's output, as the component package receives it) sets it on the builder, and every other key is
     * read, checked and reported exactly as for config.
     *
     * @param codezero the {@code codezero} config namespace (or the package's inputs, which have its shape)
     * @return a builder with {@code kubeconfig}, {@code context}, {@code storageClass} and {@code loadBalancerAddresses} read
     */
    public static ExistingClusterArgs.Builder argsFromConfig(ConfigObject codezero) {
        return ExistingClusterArgs.builder()
                .kubeconfigPath(codezero.string("kubeconfig", null))
                .context(codezero.string("context", null))
                .storageClass(codezero.string("storageClass", null))
                .loadBalancerAddresses(codezero.has("loadBalancerAddresses") ? codezero.bool("loadBalancerAddresses", false) : null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "existing-cluster target";
    }

    /** It adopts a cluster as it is: node pools, networks and cloud tags are the cluster owner's. */
    @Override
    public java.util.Set<SpecField> honours() {
        return java.util.EnumSet.noneOf(SpecField.class);
    }

    @Override
    public List<Problem> validate(ClusterSpec spec) {
        List<Problem> problems = new ArrayList<>();
        resolve(problems);
        if (args.storageClass() != null) {
            // a StorageClass name is a DNS subdomain (RFC 1123): lowercase, digits, '-' and '.'
            io.codezero.core.validation.Names.whyNotDnsName(args.storageClass()).ifPresent(why ->
                    problems.add(Problem.of("codezero:storageClass", args.storageClass(), "must name a StorageClass: " + why)));
        }
        return problems;
    }

    /**
     * The adopted cluster, by its API server: two stacks installing the platform into one cluster would create the
     * same namespaces and releases. A kubeconfig known only at deploy time names no server before then.
     */
    @Override
    public java.util.Set<PhysicalName> physicalNames(ClusterSpec spec) {
        if (args.kubeconfigOutput() != null) {
            return java.util.Set.of();
        }
        ResolvedKubeconfig kubeconfig = resolve(new ArrayList<>());
        return kubeconfig == null || kubeconfig.server() == null ? java.util.Set.of()
                : java.util.Set.of(new PhysicalName("Kubernetes API servers", "cluster", kubeconfig.server(), "codezero:context",
                        kubeconfig.context()));
    }

    @Override
    public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
        List<Problem> problems = new ArrayList<>();
        ResolvedKubeconfig kubeconfig = resolve(problems);
        if (!problems.isEmpty()) {
            throw new io.codezero.core.validation.SpecValidationException("existing-cluster target", problems);
        }
        Output<String> content = args.kubeconfigOutput() != null ? args.kubeconfigOutput().asSecret() : Output.ofSecret(kubeconfig.content());
        var component = new ExistingCluster(context.stackName(), kubeconfig, content, ComponentResourceOptions.builder().parent(context.parent()).build());
        StorageProfile storage = args.storageClass() != null
                ? StorageProfile.single(args.storageClass())
                : kubeconfig.flavour().storageProfile();
        Exposure exposure = args.gatewayExposure() != null ? args.gatewayExposure() : Exposure.INTERNET_FACING;
        // No cloud load balancer here. Only some local clusters give a LoadBalancer service an
        // address by themselves (k3d/k3s ServiceLB); minikube needs `minikube tunnel`, kind needs
        // cloud-provider-kind. Say so, so gateways fall back to NodePort instead of waiting forever.
        LoadBalancerCapabilities loadBalancers = LoadBalancerCapabilities.builder()
                .internetFacing(Map.of()).internal(Map.of()).defaultExposure(exposure).exposureSwitchesInPlace(true, "no exposure annotations on an existing cluster: the Service is the same for both")
                .assignsAddresses(args.loadBalancerAddresses() != null ? args.loadBalancerAddresses() : kubeconfig.flavour().assignsLoadBalancerAddresses())
                .build();
        return new ProvisionedCluster(spec.name(), component.kubeconfig, component.provider, storage, loadBalancers, List.of())
                .withHandles(handles(kubeconfig, content));
    }

    /**
     * The cluster and API server the chosen context names: read now from a kubeconfig CodeZero could read, and from the
     * kubeconfig output once it is known otherwise (an entry it lacks gives empty text, as the provider then fails anyway).
     */
    private static ExistingClusterHandles handles(ResolvedKubeconfig resolved, Output<String> content) {
        if (resolved.content() != null) {
            var context = Kubeconfig.parse(resolved.content()).context(resolved.context()).orElseThrow();
            return new ExistingClusterHandles(Output.of(String.valueOf(context.cluster())), Output.of(String.valueOf(context.server())));
        }
        Output<java.util.Optional<Kubeconfig.Context>> context = content.applyValue(text -> {
            try {
                return Kubeconfig.parse(text).context(resolved.context());
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        });
        return new ExistingClusterHandles(
                context.applyValue(c -> c.map(Kubeconfig.Context::cluster).orElse("")).asPlaintext(),
                context.applyValue(c -> c.map(Kubeconfig.Context::server).orElse("")).asPlaintext());
    }

    /** Reads and checks the kubeconfig once; later calls reuse the result. */
    private ResolvedKubeconfig resolve(List<Problem> problems) {
        if (resolved != null) {
            return resolved;
        }
        String content;
        String source;
        if (args.kubeconfigOutput() != null) {
            // Known only once the resource that makes it has run: nothing to read now, so the context is required.
            if (args.contextName().isEmpty()) {
                problems.add(Problem.of("context", null, "is required with a kubeconfig from another resource's output, "
                        + "which is not known before deployment; name the context to use"));
                return null;
            }
            resolved = new ResolvedKubeconfig(null, args.contextName().get(), "<from the kubeconfig output>",
                    LocalFlavour.detect(args.contextName().get()));
            return resolved;
        }
        if (args.kubeconfigContent() != null) {
            content = args.kubeconfigContent();
            source = "kubeconfig content";
        } else {
            Path path = kubeconfigPath();
            source = path.toString();
            if (!Files.isReadable(path) && args.kubeconfigPath() == null && OfflinePlan.active()) {
                // An offline plan on a machine without any kubeconfig still shows the whole tree.
                OfflinePlan.note("no kubeconfig on this machine; planned against a built-in sample kubeconfig (context minikube).");
                return resolveContent(sampleKubeconfig(), "the built-in sample kubeconfig", problems);
            }
            if (!Files.isReadable(path)) {
                problems.add(Problem.of("kubeconfig", path,
                        "no readable kubeconfig there; set codezero:kubeconfig to a kubeconfig file, or KUBECONFIG"));
                return null;
            }
            try {
                content = Files.readString(path);
            } catch (IOException e) {
                problems.add(Problem.of("kubeconfig", path, "could not be read: " + e.getMessage()));
                return null;
            }
        }
        return resolveContent(content, source, problems);
    }

    private ResolvedKubeconfig resolveContent(String content, String source, List<Problem> problems) {
        Kubeconfig parsed;
        try {
            parsed = Kubeconfig.parse(content);
        } catch (RuntimeException e) {
            problems.add(Problem.of("kubeconfig", source, "is not valid kubeconfig YAML: " + firstLine(e.getMessage())));
            return null;
        }
        String contextName = args.contextName().orElse(parsed.currentContext());
        if (contextName == null) {
            problems.add(Problem.of("context", null, "no context given and the kubeconfig has no current-context; known contexts: "
                    + String.join(", ", parsed.contexts().keySet())));
            return null;
        }
        var context = parsed.context(contextName);
        if (context.isEmpty()) {
            problems.add(Problem.of("context", contextName, "is not in " + source + "; known contexts: "
                    + (parsed.contexts().isEmpty() ? "(none)" : String.join(", ", parsed.contexts().keySet()))));
            return null;
        }
        if (context.get().server() == null) {
            problems.add(Problem.of("context", contextName, "refers to cluster '" + context.get().cluster()
                    + "', which has no server address in " + source));
        }
        if (context.get().user() == null || !parsed.users().contains(context.get().user())) {
            problems.add(Problem.of("context", contextName, "refers to user '" + context.get().user()
                    + "', which is not defined in " + source));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        resolved = new ResolvedKubeconfig(content, contextName, context.get().server(), LocalFlavour.detect(contextName));
        return resolved;
    }

    private static String sampleKubeconfig() {
        try (var in = ExistingClusterTarget.class.getResourceAsStream("sample-kubeconfig.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path kubeconfigPath() {
        if (args.kubeconfigPath() != null) {
            return args.kubeconfigPath();
        }
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    record ResolvedKubeconfig(String content, String context, String server, LocalFlavour flavour) {
        @Override
        public String toString() {
            return "ResolvedKubeconfig[context=" + context + ", server=" + server + "]";
        }
    }

    /** The adopted cluster: a provider bound to one context, and the kubeconfig as a secret. */
    static final class ExistingCluster extends ComponentResource {
        final Output<String> kubeconfig;
        final Provider provider;

        ExistingCluster(String name, ResolvedKubeconfig resolved, Output<String> kubeconfig, ComponentResourceOptions options) {
            super("codezero:local:ExistingCluster", name, options);
            this.kubeconfig = kubeconfig;
            this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                    .kubeconfig(kubeconfig)
                    .context(resolved.context())
                    .build(), CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of(
                    "context", Output.of(resolved.context()),
                    "server", Output.of(resolved.server()),
                    "flavour", Output.of(resolved.flavour().id()),
                    "kubeconfig", kubeconfig));
        }
    }
}
