package io.codezero.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Names;
import io.codezero.core.validation.ClusterSpecValidator;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.platform.InstallPlan;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.PlatformInstaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A complete platform in one resource: a cluster from a target, the platform layers on it and the
 * apps on top. Every input is validated before anything is registered; a program with bad input
 * fails with every problem listed and leaves nothing half-created.
 */
public final class CodeZeroStack extends ComponentResource {
    /** The component's Pulumi type token, as plans and {@code pulumi stack} show it. */
    public static final String TYPE = "codezero:index:Stack";
    /** The label every Kubernetes object CodeZero authors carries, with {@link #MANAGED_BY} as its value. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    /** The value of {@link #MANAGED_BY_LABEL} on CodeZero's objects. */
    public static final String MANAGED_BY = "codezero";

    /** Admin kubeconfig; a secret. */
    private final Output<String> kubeconfig;

    /** Address of the system gateway's load balancer, empty when no layer provides a gateway. */
    private final Output<String> gatewayAddress;

    /** URLs of the consoles (GUI, dashboards, apps) by title. */
    private final Output<Map<String, String>> consoleUrls;

    private final ProvisionedCluster cluster;
    private final Map<String, InstalledLayer> installed;
    private final String stackName;

    /**
     * Validates the arguments, then creates the cluster, the platform layers and the apps.
     *
     * @param name the stack's name: a DNS label that starts every child resource's name (stacks of one program need
     *             different names); usually the cluster's name
     * @param args the target, the cluster spec, the platform settings, layers and apps
     * @throws SpecValidationException before anything is registered, listing every problem of the input
     */
    public CodeZeroStack(String name, CodeZeroStackArgs args) {
        this(name, args, ComponentResourceOptions.builder().build());
    }

    /**
     * Like {@link #CodeZeroStack(String, CodeZeroStackArgs)}, with resource options that reach every resource of the
     * stack: providers and transformations as the SDK passes them down, and {@code protect} and {@code retainOnDelete},
     * which the SDK does not pass down, by a transformation of the stack's.
     *
     * @param name    the stack's name, as above
     * @param args    the target, the cluster spec, the platform settings, layers and apps
     * @param options options for the stack component and, as described, its children
     * @throws SpecValidationException before anything is registered, listing every problem of the input
     */
    public CodeZeroStack(String name, CodeZeroStackArgs args, ComponentResourceOptions options) {
        this(name, args, validated(name, args, options));
    }

    private CodeZeroStack(String name, CodeZeroStackArgs args, Validated validated) {
        super(TYPE, name, null, validated.options());
        this.stackName = name;
        this.cluster = args.target().provision(args.cluster(), new TargetContext(name, this));

        var systemNamespace = new Namespace(name + "-system", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.settings().systemNamespace())
                        // Nothing runs here: the strictest Pod Security level.
                        .labels(systemNamespaceLabels())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider())
                .dependsOn(cluster.readiness()).build());

        InstallPlan plan = validated.plan();
        Map<String, InstalledLayer> done = PlatformInstaller.installValidated(name, cluster, this, args.settings(), plan, Map.of());
        this.installed = Map.copyOf(done);

        this.kubeconfig = cluster.kubeconfig();
        this.gatewayAddress = done.values().stream()
                .filter(l -> l.gatewayAddress().isPresent())
                .map(l -> l.gatewayAddress().get())
                .findFirst()
                .orElse(Output.of(""));
        this.consoleUrls = consoleUrls(done);
        registerOutputs(Map.of("kubeconfig", kubeconfig, "gatewayAddress", gatewayAddress, "consoleUrls", consoleUrls));
    }

    private static Map<String, String> systemNamespaceLabels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>(Map.of(MANAGED_BY_LABEL, MANAGED_BY, "codezero.io/part", "system"));
        labels.putAll(PodSecurity.RESTRICTED.labels());
        return labels;
    }

    /**
     * The cluster's admin kubeconfig, always a Pulumi secret; it needs no cloud CLI (targets use their own token commands).
     *
     * @return the kubeconfig text, secret
     */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /**
     * The address of the system gateway's load balancer (a host name or an IP), known after deploy; empty text when no
     * layer provides a gateway.
     *
     * @return the gateway's address
     */
    public Output<String> gatewayAddress() {
        return gatewayAddress;
    }

    /**
     * The URLs of the consoles the layers and apps expose (Headlamp, Grafana, Kiali, apps' routes), by name, sorted.
     *
     * @return console name to URL
     */
    public Output<Map<String, String>> consoleUrls() {
        return consoleUrls;
    }

    /**
     * The cluster the target provisioned: provider, storage profile, load-balancer capabilities.
     *
     * @return the provisioned cluster
     */
    public ProvisionedCluster cluster() {
        return cluster;
    }

    /**
     * The target's typed handles (its cloud cluster resource, workload identity, node identities,
     * network IDs), as the type that target documents: {@code stack.handles(EksClusterHandles.class)}.
     *
     * @param type the handles type the target documents
     * @param <H>  that type
     * @return the target's handles
     */
    public <H extends io.codezero.core.target.ClusterHandles> H handles(Class<H> type) {
        return cluster.handles(type);
    }

    /**
     * What each layer and app installed, by name: its resources, the facts it offers, its console URLs.
     *
     * @return installed layers and apps by name
     */
    public Map<String, InstalledLayer> installed() {
        return installed;
    }

    /**
     * Exports the stack's outputs from a program ({@code kubeconfig}, {@code gatewayAddress}, {@code consoleUrls}), so
     * {@code pulumi stack output} and {@code ./codezero console} read them. One stack of a program may export without a
     * prefix; a second one doing so is a problem.
     *
     * @param ctx the program's context
     * @return this stack
     * @throws SpecValidationException when another stack of the program exported these outputs already
     */
    public CodeZeroStack exportTo(Context ctx) {
        exporting(null, List.of("kubeconfig", "gatewayAddress", "consoleUrls"));
        ctx.export("kubeconfig", kubeconfig);
        ctx.export("gatewayAddress", gatewayAddress);
        ctx.export("consoleUrls", consoleUrls);
        return this;
    }

    /**
     * Exports the outputs under a prefix ({@code euKubeconfig}, {@code euGatewayAddress}, {@code euConsoleUrls}), for
     * programs with several stacks; {@code ./codezero console --prefix eu} reads them.
     *
     * @param ctx    the program's context
     * @param prefix the prefix of every output name, unique among the program's stacks
     * @return this stack
     * @throws SpecValidationException when the prefix is empty, or another stack of the program used it already
     */
    public CodeZeroStack exportTo(Context ctx, String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new SpecValidationException("stack '" + stackName + "'", List.of(Problem.of("exportTo(ctx, prefix)", prefix,
                    "a prefix is needed (e.g. \"eu\" exports euKubeconfig); exportTo(ctx) exports without one")));
        }
        exporting(prefix, List.of(prefix + "Kubeconfig", prefix + "GatewayAddress", prefix + "ConsoleUrls"));
        ctx.export(prefix + "Kubeconfig", kubeconfig);
        ctx.export(prefix + "GatewayAddress", gatewayAddress);
        ctx.export(prefix + "ConsoleUrls", consoleUrls);
        return this;
    }

    /** Refuses outputs another stack of the program exported already, before the SDK fails on them less clearly. */
    private void exporting(String prefix, List<String> keys) {
        SpecValidationException.throwIfAny("stack '" + stackName + "'", ProgramStacks.current().export(stackName, prefix, keys));
    }

    /**
     * The Kubernetes provider bound to this stack's cluster, for the program's own Kubernetes resources.
     *
     * @return the provider every resource of the stack uses
     */
    public com.pulumi.kubernetes.Provider provider() {
        return cluster.provider();
    }

    private static Output<Map<String, String>> consoleUrls(Map<String, InstalledLayer> layers) {
        Output<Map<String, String>> all = Output.of(Map.of());
        for (InstalledLayer layer : layers.values()) {
            for (var entry : layer.consoleUrls().entrySet()) {
                all = all.apply(map -> entry.getValue().applyValue(url -> {
                    // sorted: a layer's own map may iterate differently from one JVM to the next
                    Map<String, String> next = new java.util.TreeMap<>(map);
                    next.put(entry.getKey(), url);
                    return next;
                }));
            }
        }
        return all;
    }

    /**
     * Runs before the component registers (it is evaluated as a constructor argument), so a bad
     * input never leaves a half-created stack behind.
     */
    /** What validation hands the constructor: the options to register with, and the install plan it checked. */
    private record Validated(ComponentResourceOptions options, InstallPlan plan) {
    }

    /**
     * A value that could not be read (the first {@code inputs} problems: empty, null, the wrong type) falls back to
     * nothing or the default, so a later check of the same key would only repeat it in other words: it is left out.
     */
    private static List<Problem> onePerUnreadableKey(List<Problem> problems, int inputs) {
        Set<String> unreadable = new java.util.HashSet<>();
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (i < inputs) {
                unreadable.add(p.field());
                out.add(p);
            } else if (!unreadable.contains(p.field())) {
                out.add(p);
            }
        }
        return out;
    }

    private static Validated validated(String name, CodeZeroStackArgs args, ComponentResourceOptions options) {
        if (args == null) {
            throw new SpecValidationException("stack '" + name + "'", List.of(Problem.of("CodeZeroStack(args)", null,
                    "the stack's arguments are required: CodeZeroStackArgs.builder().target(...).cluster(...).build()")));
        }
        List<Problem> problems = new ArrayList<>(args.inputProblems());
        if (args.target() == null) {
            problems.add(Problem.of("target", null, "a cluster target is required (for example ExistingClusterTarget, AwsTarget)"));
        }
        // The stack's name prefixes its resources' names; the cluster's own name is reported by the spec's rules.
        if (name == null) {
            problems.add(Problem.of("CodeZeroStack(name)", null, "a stack name is required; it prefixes every resource name of the stack"));
        } else if (args.cluster() == null || !name.equals(args.cluster().name())) {
            Names.whyNotDnsLabel(name, Names.MAX_CLUSTER_NAME).ifPresent(why -> problems.add(Problem.of("CodeZeroStack(name)", name,
                    why + "; it prefixes every resource name of the stack")));
        }
        if (args.cluster() == null) {
            problems.add(Problem.of("cluster", null, "a cluster spec is required"));
        } else {
            problems.addAll(ClusterSpecValidator.validate(args.cluster()));
            if (args.target() != null) {
                List<Problem> unhonoured = SpecField.unhonoured(args.cluster(), args.target().honours(), args.target().description());
                problems.addAll(unhonoured);
                // a field the target cannot honour is one problem; the target's own checks of it would only repeat it
                Set<String> refused = new java.util.HashSet<>(unhonoured.stream().map(Problem::field).toList());
                args.target().validate(args.cluster()).stream()
                        .filter(p -> p.field() == null || refused.stream().noneMatch(f -> p.field().equals(f) || p.field().startsWith(f + "[")))
                        .forEach(problems::add);
            }
        }
        // what the target states about every cluster it makes (a CNI without chaining): a setting such a cluster
        // cannot run is refused here, before the target registers the cluster
        io.codezero.core.target.ClusterFacts planned = args.target() == null ? io.codezero.core.target.ClusterFacts.none()
                : args.target().plannedFacts();
        args.layers().forEach(layer -> problems.addAll(layer.validate(args.settings(), planned)));
        args.apps().forEach(app -> problems.addAll(app.validate(args.settings(), planned)));
        InstallPlan plan = InstallPlan.of(args.layers(), args.apps(), args.settings(), Set.of());
        problems.addAll(plan.problems());
        // names that must be unique across the program's stacks; a target names things only for a spec that passed
        problems.addAll(ProgramStacks.current().claim(name, problems.isEmpty() && args.target() != null && args.cluster() != null
                ? args.target().physicalNames(args.cluster()) : Set.of()));
        SpecValidationException.throwIfAny("stack '" + name + "'", onePerUnreadableKey(
                ProblemPaths.asWritten(problems, args.configNamespace()), args.inputProblems().size()));
        return new Validated(InheritedOptions.of(options), plan);
    }
}
