package io.codezero.digitalocean;

import io.codezero.core.target.PhysicalName;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterFacts;
import io.codezero.core.target.CniChaining;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.MeshDataplanePreference;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import io.codezero.digitalocean.cluster.DeployedCluster;
import io.codezero.digitalocean.cluster.DoksCluster;
import io.codezero.digitalocean.cluster.RunningWait;
import io.codezero.digitalocean.cluster.VersionChoice;
import io.codezero.digitalocean.preflight.DigitalOceanPreflight;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** DOKS on DigitalOcean: see docs/digitalocean.md. */
public final class DigitalOceanTarget implements ClusterTarget {
    /** The target kind, as {@code codezero:target} names it in config. */
    public static final String KIND = "digitalocean";

    /** DigitalOcean's cloud controller: a regional load balancer on the public internet, or one reachable only inside the VPC. */
    static final Map<String, String> EXTERNAL = Map.of("service.beta.kubernetes.io/do-loadbalancer-network", "EXTERNAL");
    static final Map<String, String> INTERNAL = Map.of("service.beta.kubernetes.io/do-loadbalancer-network", "INTERNAL");

    /**
     * DOKS' Cilium is a managed component: DigitalOcean's documentation ("The Managed Elements of DigitalOcean
     * Kubernetes") says not to modify it and that DigitalOcean may revert changes at any time, and documents no
     * setting for CNI chaining. Cilium keeps only its own CNI configuration unless {@code cni.exclusive=false},
     * so istio-cni's chained entry cannot be relied on: the mesh installs no CNI agent here.
     */
    static final CniChaining CNI_CHAINING = new CniChaining(false, "DOKS runs DigitalOcean's managed Cilium, whose settings "
            + "(cni.exclusive among them) DigitalOcean manages and may revert, so a chained istio-cni plugin is not guaranteed to stay");

    private static final MeshDataplanePreference MESH_PREFERENCE = new MeshDataplanePreference(false,
            "DOKS runs DigitalOcean's managed Cilium CNI, which CodeZero does not configure: sidecars work on any CNI");

    /** The provider's own config key for the API token; the program falls back to it. */
    static final String TOKEN_KEY = "digitalocean:token";
    /** Why a program needs the API even with the preflight off. */
    static final String NEEDS_API = "under pulumi preview and up the program reads the running DOKS cluster from DigitalOcean's API "
            + "(to keep its version and wait for upgrades), also with preflight off, and so does the provider: ";

    private final DigitalOceanTargetArgs args;
    private final BooleanSupplier engineDriven;
    private final Supplier<DoApi> api;
    private final Function<DoApi, RunningWait> waits;

    /**
     * A target for DOKS; the API token is read from {@code tokenFile} or the {@code digitalocean:token} config when
     * the program runs under the engine.
     * @param args the DigitalOcean settings; must not be {@code null}
     */
    public DigitalOceanTarget(DigitalOceanTargetArgs args) {
        this(args, RealEngine::isDrivingThisProgram, () -> new DoApi(apiUrl(), ApiToken.forProgram(args.tokenFile().orElse(null),
                key -> com.pulumi.Config.of(key.substring(0, key.indexOf(':'))).get(key.substring(key.indexOf(':') + 1))), Map.of()));
    }

    /** For tests: who says whether the real engine runs, and which API the preflight and the version lookup ask. */
    DigitalOceanTarget(DigitalOceanTargetArgs args, BooleanSupplier engineDriven, Supplier<DoApi> api) {
        this(args, engineDriven, api, RunningWait::of);
    }

    /** For tests: also how the program waits for the cluster to run. */
    DigitalOceanTarget(DigitalOceanTargetArgs args, BooleanSupplier engineDriven, Supplier<DoApi> api, Function<DoApi, RunningWait> waits) {
        this.args = io.codezero.core.validation.Arguments.given(args, "new DigitalOceanTarget(args)");
        this.engineDriven = engineDriven;
        this.api = api;
        this.waits = waits;
    }

    /** The API the provider uses too: DIGITALOCEAN_API_URL, else api.digitalocean.com. */
    private static URI apiUrl() {
        String url = System.getenv("DIGITALOCEAN_API_URL");
        return url == null || url.isBlank() ? DoApi.PRODUCTION : URI.create(url);
    }

    /**
     * Reads the {@code codezero:digitalocean} config object. Type errors and unknown keys join the
     * object's problems, which the stack reports with all others before registering anything.
     * @param config the {@code codezero:digitalocean} object
     * @return a target built from those values
     */
    public static DigitalOceanTarget fromConfig(ConfigObject config) {
        return new DigitalOceanTarget(DigitalOceanTargetArgs.fromConfig(config));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "digitalocean target";
    }

    /** {@return the arguments this target was built with} */
    public DigitalOceanTargetArgs args() {
        return args;
    }

    /** Everything but a private-only API endpoint: DOKS has none (the control-plane firewall narrows the public one). */
    @Override
    public Set<SpecField> honours() {
        return EnumSet.of(SpecField.NODE_POOLS, SpecField.VPC_CIDR, SpecField.POD_CIDR, SpecField.SERVICE_CIDR,
                SpecField.PUBLIC_NODES, SpecField.API_ALLOWLIST, SpecField.TAGS);
    }

    @Override
    public List<Problem> validate(ClusterSpec spec) {
        return DigitalOceanValidator.validate(spec, args);
    }

    /**
     * The DOKS cluster's, project's and (when created) VPC's names, which are unique in the account, exactly as
     * they are created ({@code <cluster>-<stack>} and {@code <cluster>-<stack>-<region>}, see {@link StackIdentity}):
     * a problem about them names what the user finds in the control panel.
     */
    @Override
    public java.util.Set<PhysicalName> physicalNames(ClusterSpec spec) {
        return physicalNames(spec, StackIdentity.ofDeployment());
    }

    /** {@link #physicalNames(ClusterSpec)} for the given Pulumi project and stack. */
    java.util.Set<PhysicalName> physicalNames(ClusterSpec spec, StackIdentity identity) {
        String account = "the DigitalOcean account";
        java.util.Set<PhysicalName> names = new java.util.HashSet<>(java.util.Set.of(PhysicalName.ofCluster(spec, account, "DOKS cluster", spec.name()),
                PhysicalName.ofCluster(spec, account, "project", identity.projectName(spec.name()))));
        if (!args.adoptsVpc()) {
            names.add(PhysicalName.ofCluster(spec, account, "VPC", identity.vpcName(spec.name(), args.region())));
        }
        return java.util.Set.copyOf(names);
    }

    /**
     * Registers the cluster. Under the real engine it first asks DigitalOcean (read-only): the preflight when
     * asked for, and the running cluster's version, which is kept until the program changes the minor
     * ({@link VersionChoice}); a downgrade is refused here, before the provider would replace the cluster.
     */
    @Override
    public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
        String where = "digitalocean target of cluster '" + spec.name() + "'";
        SpecValidationException.throwIfAny(where, validate(spec));
        StackIdentity identity = StackIdentity.ofDeployment();
        Optional<String> version = args.versionSlug();
        Optional<RunningWait> wait = Optional.empty();
        if (engineDriven.getAsBoolean()) {
            DoApi doApi;
            try {
                doApi = api.get();
            } catch (IllegalStateException e) {
                // no token anywhere (a CI preview without secrets): one problem saying why the program needs one, not a stack trace
                throw new SpecValidationException(where, List.of(Problem.of(TOKEN_KEY, null, NEEDS_API + e.getMessage()
                        + ", or run pulumi config set --secret " + TOKEN_KEY + " <token>")));
            }
            if (args.preflight()) {
                new DigitalOceanPreflight(doApi).run(spec, args, identity).throwIfFailed();
            }
            Optional<DeployedCluster> deployed;
            try {
                deployed = DeployedCluster.find(doApi, spec.name(), args.region(), identity, args.existingProjectId());
            } catch (DoApiException e) {
                if (e.status() == 401 || e.status() == 403) {
                    throw new SpecValidationException(where, List.of(Problem.of(TOKEN_KEY, doApi.tokenSource(), NEEDS_API
                            + "DigitalOcean refused the token (" + e.getMessage() + "); give a valid token with read access to Kubernetes")));
                }
                throw new IllegalStateException(where + ": cannot read the account's DOKS clusters, so the running version is unknown: "
                        + e.getMessage(), e);
            }
            VersionChoice choice = VersionChoice.of(spec.kubernetesVersion(), args.versionSlug(), deployed.map(DeployedCluster::version));
            List<Problem> problems = new java.util.ArrayList<>(choice.problem().stream().toList());
            if (deployed.filter(DeployedCluster::ha).isPresent() && !args.highAvailability()) {
                // the API specification: "The property cannot be disabled"; the provider would send ha=false and fail mid-update
                problems.add(Problem.of("digitalocean.highAvailability", false, "cannot turn off the running cluster's highly available "
                        + "control plane: DigitalOcean cannot disable it; keep highAvailability: true"));
            }
            deployed.ifPresent(running -> problems.addAll(io.codezero.digitalocean.cluster.ReplacementGuard.problems(running, spec, args, doApi)));
            SpecValidationException.throwIfAny(where, problems);
            version = choice.slug();
            wait = Optional.of(waits.apply(doApi));
        }
        // the component is not kept: one target may provision several stacks' clusters; read a cluster's
        // resources from its ProvisionedCluster's DoksClusterHandles
        DoksCluster cluster = new DoksCluster(context.stackName(), spec, args, identity, version, wait,
                ComponentResourceOptions.builder().parent(context.parent()).build());
        return new ProvisionedCluster(spec.name(), cluster.kubeconfig(), cluster.kubernetesProvider(),
                StorageProfile.single(DoksCluster.STORAGE_CLASS), loadBalancers(), cluster.readiness())
                .withFact(MeshDataplanePreference.class, MESH_PREFERENCE)
                .withFact(CniChaining.class, CNI_CHAINING)
                .withHandles(cluster.handles());
    }

    /**
     * Every DOKS cluster runs DigitalOcean's managed Cilium: sidecars preferred, no CNI chaining. Stated before
     * anything registers, so a mesh mode DOKS cannot run (ambient) is refused at validation, not after the cluster exists.
     */
    @Override
    public ClusterFacts plannedFacts() {
        return ClusterFacts.none().with(MeshDataplanePreference.class, MESH_PREFERENCE).with(CniChaining.class, CNI_CHAINING);
    }

    static LoadBalancerCapabilities loadBalancers() {
        return LoadBalancerCapabilities.builder().internetFacing(EXTERNAL).internal(INTERNAL).exposureSwitchesInPlace(false, "a load balancer's network \"cannot be updated after creating the load balancer\" (DigitalOcean API, load_balancer_base.yml `network`; https://docs.digitalocean.com/reference/api/digitalocean/#tag/Load-Balancers)")
                .defaultExposure(Exposure.INTERNET_FACING).build();
    }
}
