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
import io.codezero.core.validation.ClusterSpecValidator;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.PlatformInstaller;
import io.codezero.platform.PlatformApp;
import io.codezero.platform.PlatformLayer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A complete platform in one resource: a cluster from a target, the platform layers on it and the
 * apps on top. Every input is validated before anything is registered; a program with bad input
 * fails with every problem listed and leaves nothing half-created.
 */
public final class CodeZeroStack extends ComponentResource {
    public static final String TYPE = "codezero:index:Stack";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "codezero";

    /** Admin kubeconfig; a secret. */
    private final Output<String> kubeconfig;

    /** Address of the system gateway's load balancer, empty when no layer provides a gateway. */
    private final Output<String> gatewayAddress;

    /** URLs of the consoles (GUI, dashboards, apps) by title. */
    private final Output<Map<String, String>> consoleUrls;

    private final ProvisionedCluster cluster;
    private final Map<String, InstalledLayer> installed;

    public CodeZeroStack(String name, CodeZeroStackArgs args) {
        this(name, args, ComponentResourceOptions.builder().build());
    }

    public CodeZeroStack(String name, CodeZeroStackArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, validated(name, args, options));
        this.cluster = args.target().provision(args.cluster(), this);

        var systemNamespace = new Namespace(name + "-system", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.settings().systemNamespace())
                        .labels(Map.of(MANAGED_BY_LABEL, MANAGED_BY, "codezero.io/part", "system"))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider())
                .dependsOn(cluster.readiness()).build());

        Map<String, InstalledLayer> done = PlatformInstaller.installValidated(cluster, this, args.settings(), args.layers(), args.apps(),
                Map.of("system", InstalledLayer.of("system", List.of(systemNamespace))));
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

    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    public Output<String> gatewayAddress() {
        return gatewayAddress;
    }

    public Output<Map<String, String>> consoleUrls() {
        return consoleUrls;
    }

    /** The cluster the target provisioned: provider, storage profile, load-balancer capabilities. */
    public ProvisionedCluster cluster() {
        return cluster;
    }

    public Map<String, InstalledLayer> installed() {
        return installed;
    }

    /** Exports the stack's outputs from a program, so {@code pulumi stack output} shows them. */
    public CodeZeroStack exportTo(Context ctx) {
        ctx.export("kubeconfig", kubeconfig);
        ctx.export("gatewayAddress", gatewayAddress);
        ctx.export("consoleUrls", consoleUrls);
        return this;
    }

    private static Output<Map<String, String>> consoleUrls(Map<String, InstalledLayer> layers) {
        Output<Map<String, String>> all = Output.of(Map.of());
        for (InstalledLayer layer : layers.values()) {
            for (var entry : layer.consoleUrls().entrySet()) {
                all = all.apply(map -> entry.getValue().applyValue(url -> {
                    Map<String, String> next = new LinkedHashMap<>(map);
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
    private static ComponentResourceOptions validated(String name, CodeZeroStackArgs args, ComponentResourceOptions options) {
        List<Problem> problems = new ArrayList<>(args.inputProblems());
        if (args.target() == null) {
            problems.add(Problem.of("target", null, "a cluster target is required (for example ExistingClusterTarget, AwsTarget)"));
        }
        if (args.cluster() == null) {
            problems.add(Problem.of("cluster", null, "a cluster spec is required"));
        } else {
            problems.addAll(ClusterSpecValidator.validate(args.cluster()));
            if (args.target() != null) {
                problems.addAll(args.target().validate(args.cluster()));
            }
        }
        Set<String> names = new HashSet<>(Set.of("system"));
        for (int i = 0; i < args.layers().size(); i++) {
            PlatformLayer layer = args.layers().get(i);
            if (!names.add(layer.name())) {
                problems.add(Problem.of("platform.layers[" + i + "]", layer.name(), "is listed twice; each layer may run once"));
            }
            problems.addAll(layer.validate(args.settings()));
        }
        for (int i = 0; i < args.apps().size(); i++) {
            PlatformApp app = args.apps().get(i);
            if (!names.add(app.name())) {
                problems.add(Problem.of("platform.apps[" + i + "].name", app.name(), "is already used by a layer or another app; app names must be unique"));
            }
            problems.addAll(app.validate(args.settings()));
        }
        SpecValidationException.throwIfAny("stack '" + name + "'", problems);
        return options;
    }
}
