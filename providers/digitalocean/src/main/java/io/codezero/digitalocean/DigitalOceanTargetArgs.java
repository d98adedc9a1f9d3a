package io.codezero.digitalocean;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything DigitalOcean-specific about a cluster; the cloud-neutral part (version, pools, ranges,
 * API allowlist, tags) stays in the {@link io.codezero.core.spec.ClusterSpec}. Plain Java with no
 * Pulumi types, so the command-line preflight and the validator read it too.
 */
public final class DigitalOceanTargetArgs {
    /**
     * The default kubeconfig exec command: the {@code codezero-doks-token} helper on the PATH (see
     * docs/digitalocean.md).
     */
    public static final List<String> DEFAULT_TOKEN_COMMAND = List.of("codezero-doks-token");
    /** Name of the cluster's built-in pool; spec pools may not use it. */
    public static final String BUILT_IN_POOL = "base";
    /** The default Droplet size of the built-in pool (2 vCPUs, 4 GB): big enough for the system pods DOKS runs. */
    public static final String DEFAULT_BUILT_IN_POOL_SIZE = "s-2vcpu-4gb";
    /** Valid maintenance days; {@code any} lets DigitalOcean pick the day. */
    public static final List<String> MAINTENANCE_DAYS = List.of("any", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    /** Valid environments of a project we create, spelled as DigitalOcean shows them. */
    public static final List<String> PROJECT_ENVIRONMENTS = List.of("Development", "Staging", "Production");

    private final String region;
    private final String existingVpcId;
    private final String existingProjectId;
    private final String projectEnvironment;
    private final Map<SizeClass, String> dropletSizeOverrides;
    private final DropletSizes dropletSizes;
    private final String builtInPoolSize;
    private final int builtInPoolNodes;
    private final boolean highAvailability;
    private final boolean registryIntegration;
    private final boolean controlPlaneFirewall;
    private final String maintenanceDay;
    private final String maintenanceStartTime;
    private final boolean destroyAssociatedResources;
    private final String versionSlug;
    private final List<String> tokenCommand;
    private final String tokenFile;
    private final int credentialSeconds;
    private final boolean preflight;

    private DigitalOceanTargetArgs(Builder b) {
        this.region = b.region;
        this.existingVpcId = b.existingVpcId;
        this.existingProjectId = b.existingProjectId;
        this.projectEnvironment = b.projectEnvironment;
        this.dropletSizeOverrides = Map.copyOf(b.dropletSizeOverrides);
        this.dropletSizes = DropletSizes.withOverrides(dropletSizeOverrides);
        this.builtInPoolSize = b.builtInPoolSize;
        this.builtInPoolNodes = b.builtInPoolNodes;
        this.highAvailability = b.highAvailability;
        this.registryIntegration = b.registryIntegration;
        this.controlPlaneFirewall = b.controlPlaneFirewall;
        this.maintenanceDay = b.maintenanceDay;
        this.maintenanceStartTime = b.maintenanceStartTime;
        this.destroyAssociatedResources = b.destroyAssociatedResources;
        this.versionSlug = b.versionSlug;
        this.tokenCommand = List.copyOf(b.tokenCommand);
        this.tokenFile = b.tokenFile;
        this.credentialSeconds = b.credentialSeconds;
        this.preflight = b.preflight;
    }

    /**
     * Starts with the defaults: HA control plane, built-in pool of 2 {@link #DEFAULT_BUILT_IN_POOL_SIZE}, maintenance
     * sunday 04:00 UTC, credentials for 3600 s, no preflight.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code codezero:digitalocean} config object. Type errors and unknown keys are added
     * to the object's problems (never thrown), so the stack reports them with every other problem.
     * @param config the {@code codezero:digitalocean} config object
     * @return the arguments read; check the object's problems before using them
     */
    public static DigitalOceanTargetArgs fromConfig(ConfigObject config) {
        Builder b = builder();
        b.region(config.string("region", null));
        b.existingVpcId(config.string("vpcId", null));
        ConfigObject project = config.object("project");
        b.existingProjectId(project.string("id", null));
        b.projectEnvironment(project.string("environment", null));
        project.rejectUnknownKeys();
        ConfigObject sizes = config.object("dropletSizes");
        for (SizeClass sizeClass : SizeClass.values()) {
            String slug = sizes.string(sizeClass.id(), null);
            if (slug != null) {
                b.dropletSize(sizeClass, slug);
            }
        }
        sizes.rejectUnknownKeys();
        ConfigObject builtIn = config.object("builtInPool");
        b.builtInPoolSize(builtIn.string("size", b.builtInPoolSize));
        b.builtInPoolNodes(builtIn.integer("nodes", b.builtInPoolNodes));
        builtIn.rejectUnknownKeys();
        b.highAvailability(config.bool("highAvailability", b.highAvailability));
        b.registryIntegration(config.bool("registryIntegration", b.registryIntegration));
        b.controlPlaneFirewall(config.bool("controlPlaneFirewall", b.controlPlaneFirewall));
        ConfigObject window = config.object("maintenanceWindow");
        if (config.has("maintenanceWindow") && window.has("day") != window.has("startTime")) {
            config.problems().add(Problem.of(window.path(), window.has("day") ? "day only" : "startTime only", "gives only part of the "
                    + "maintenance window; give day and startTime together (the default is sunday 04:00 UTC)"));
        }
        b.maintenanceWindow(window.string("day", b.maintenanceDay), window.string("startTime", b.maintenanceStartTime));
        window.rejectUnknownKeys();
        b.destroyAssociatedResources(config.bool("destroyAssociatedResources", b.destroyAssociatedResources));
        b.versionSlug(config.string("versionSlug", null));
        if (config.has("tokenCommand")) {
            b.tokenCommand(config.strings("tokenCommand"));
        }
        b.tokenFile(config.string("tokenFile", null));
        b.credentialSeconds(config.integer("credentialSeconds", b.credentialSeconds));
        b.preflight(config.bool("preflight", b.preflight));
        config.rejectUnknownKeys();
        return b.build();
    }

    /** {@return the region slug, e.g. {@code fra1}; {@code null} if none was set (validation refuses that)} */
    public String region() {
        return region;
    }

    /** {@return the UUID of the VPC to adopt, or empty to create one from {@code network.vpcCidr}} */
    public Optional<String> existingVpcId() {
        return Optional.ofNullable(existingVpcId);
    }

    /** {@return true if an existing VPC is adopted rather than created} */
    public boolean adoptsVpc() {
        return existingVpcId != null;
    }

    /** {@return the UUID of the project to put the cluster in, or empty to create a project} */
    public Optional<String> existingProjectId() {
        return Optional.ofNullable(existingProjectId);
    }

    /**
     * {@return the environment shown on the project we create (one of {@link #PROJECT_ENVIRONMENTS}), or empty for
     * none}
     */
    public Optional<String> projectEnvironment() {
        return Optional.ofNullable(projectEnvironment);
    }

    /** {@return the Droplet slugs set per size class, replacing {@link DropletSizes#DEFAULTS} for those classes} */
    public Map<SizeClass, String> dropletSizeOverrides() {
        return dropletSizeOverrides;
    }

    /** {@return the slug per size class: the overrides over the defaults} */
    public DropletSizes dropletSizes() {
        return dropletSizes;
    }

    /** {@return the Droplet slug of the cluster's built-in pool; changing it replaces the whole cluster} */
    public String builtInPoolSize() {
        return builtInPoolSize;
    }

    /** {@return the node count of the built-in pool, 1 to 10 (default 2)} */
    public int builtInPoolNodes() {
        return builtInPoolNodes;
    }

    /**
     * {@return whether the control plane is highly available (default true; DigitalOcean cannot turn it off again)}
     */
    public boolean highAvailability() {
        return highAvailability;
    }

    /** {@return whether nodes may pull from the account's DigitalOcean Container Registry (default false)} */
    public boolean registryIntegration() {
        return registryIntegration;
    }

    /**
     * Whether the account may use DOKS' control-plane firewall (early availability, by invitation):
     * only then is {@code network.apiAccessAllowlist} enforced, and the firewall block is always sent.
     * @return true if the account has the control-plane firewall (default false)
     */
    public boolean controlPlaneFirewall() {
        return controlPlaneFirewall;
    }

    /** {@return the maintenance window's day: monday to sunday or {@code any} (default sunday)} */
    public String maintenanceDay() {
        return maintenanceDay;
    }

    /** {@return the maintenance window's start, HH:MM in UTC (default 04:00)} */
    public String maintenanceStartTime() {
        return maintenanceStartTime;
    }

    /**
     * {@return whether destroying the cluster also deletes its load balancers, volumes and snapshots (default false)}
     */
    public boolean destroyAssociatedResources() {
        return destroyAssociatedResources;
    }

    /** {@return the exact DOKS version slug to pin, or empty for the newest of the spec's minor} */
    public Optional<String> versionSlug() {
        return Optional.ofNullable(versionSlug);
    }

    /** {@return the kubeconfig exec command (default {@link #DEFAULT_TOKEN_COMMAND})} */
    public List<String> tokenCommand() {
        return tokenCommand;
    }

    /** {@return the path of a file holding the API token, handed to the helper, or empty to use the environment} */
    public Optional<String> tokenFile() {
        return Optional.ofNullable(tokenFile);
    }

    /**
     * {@return the lifetime of the cluster credentials the helper asks for, in seconds (600 to 86400, default 3600)}
     */
    public int credentialSeconds() {
        return credentialSeconds;
    }

    /** {@return whether the preflight runs before anything registers (real engine only; default false)} */
    public boolean preflight() {
        return preflight;
    }

    /** Collects the arguments; unset values keep the defaults listed on {@link DigitalOceanTargetArgs#builder()}. */
    public static final class Builder {
        private String region;
        private String existingVpcId;
        private String existingProjectId;
        private String projectEnvironment;
        private final Map<SizeClass, String> dropletSizeOverrides = new EnumMap<>(SizeClass.class);
        private String builtInPoolSize = DEFAULT_BUILT_IN_POOL_SIZE;
        private int builtInPoolNodes = 2;
        private boolean highAvailability = true;
        private boolean registryIntegration;
        private boolean controlPlaneFirewall;
        private String maintenanceDay = "sunday";
        private String maintenanceStartTime = "04:00";
        private boolean destroyAssociatedResources;
        private String versionSlug;
        private final List<String> tokenCommand = new ArrayList<>(DEFAULT_TOKEN_COMMAND);
        private String tokenFile;
        private int credentialSeconds = 3600;
        private boolean preflight;

        /**
         * Region slug, e.g. fra1.
         * @param region a DigitalOcean region slug that offers Kubernetes
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Adopt an existing VPC (its UUID) instead of creating one from {@code network.vpcCidr}.
         * @param vpcId the VPC's UUID, in the cluster's region
         * @return this builder
         */
        public Builder existingVpcId(String vpcId) {
            this.existingVpcId = vpcId;
            return this;
        }

        /**
         * Put the cluster into an existing project (its UUID) instead of creating one.
         * @param projectId the project's UUID
         * @return this builder
         */
        public Builder existingProjectId(String projectId) {
            this.existingProjectId = projectId;
            return this;
        }

        /**
         * Development, Staging or Production, shown on the project we create.
         * @param environment one of {@link #PROJECT_ENVIRONMENTS}; not allowed with an existing project
         * @return this builder
         */
        public Builder projectEnvironment(String environment) {
            this.projectEnvironment = environment;
            return this;
        }

        /**
         * The Droplet for one size class, replacing {@link DropletSizes#DEFAULTS}' choice.
         * @param sizeClass the class pools ask for
         * @param slug a Droplet size slug such as {@code c-4}; the preflight checks the region offers it for
         *     Kubernetes
         * @return this builder
         */
        public Builder dropletSize(SizeClass sizeClass, String slug) {
            dropletSizeOverrides.put(sizeClass, slug);
            return this;
        }

        /**
         * The cluster's built-in pool: a change replaces the whole cluster, so keep it fixed.
         * @param slug a Droplet size slug (default {@link #DEFAULT_BUILT_IN_POOL_SIZE})
         * @return this builder
         */
        public Builder builtInPoolSize(String slug) {
            this.builtInPoolSize = slug;
            return this;
        }

        /**
         * How many nodes the built-in pool has (1 to 10, default 2); spec pools add to these.
         * @param nodes the node count
         * @return this builder
         */
        public Builder builtInPoolNodes(int nodes) {
            this.builtInPoolNodes = nodes;
            return this;
        }

        /**
         * HA control plane (default true); DigitalOcean cannot turn it off again once on.
         * @param ha true for the highly available control plane
         * @return this builder
         */
        public Builder highAvailability(boolean ha) {
            this.highAvailability = ha;
            return this;
        }

        /**
         * Let nodes pull from the account's DigitalOcean Container Registry (it must exist).
         * @param enabled true to integrate the registry
         * @return this builder
         */
        public Builder registryIntegration(boolean enabled) {
            this.registryIntegration = enabled;
            return this;
        }

        /**
         * Say that the account has DOKS' control-plane firewall (early availability, invite only, per the
         * API specification), so {@code network.apiAccessAllowlist} can be enforced by it. Default false:
         * an allowlist without it is refused at validation, before DigitalOcean would refuse the cluster.
         * @param available true if the account was invited to the firewall
         * @return this builder
         */
        public Builder controlPlaneFirewall(boolean available) {
            this.controlPlaneFirewall = available;
            return this;
        }

        /**
         * Day (monday..sunday or any) and start time (HH:MM, UTC) of DigitalOcean's maintenance window.
         * @param day monday to sunday, or {@code any} (default sunday)
         * @param startTime HH:MM in UTC (default 04:00)
         * @return this builder
         */
        public Builder maintenanceWindow(String day, String startTime) {
            this.maintenanceDay = day;
            this.maintenanceStartTime = startTime;
            return this;
        }

        /**
         * Opt in to DigitalOcean deleting load balancers, volumes and snapshots made through Kubernetes with the cluster.
         * @param destroy true to delete them with the cluster
         * @return this builder
         */
        public Builder destroyAssociatedResources(boolean destroy) {
            this.destroyAssociatedResources = destroy;
            return this;
        }

        /**
         * Pin the exact DOKS version slug (e.g. 1.34.1-do.0) instead of the newest of the spec's minor.
         * @param slug a version slug DigitalOcean offers, e.g. {@code 1.34.1-do.0}
         * @return this builder
         */
        public Builder versionSlug(String slug) {
            this.versionSlug = slug;
            return this;
        }

        /**
         * The kubeconfig exec command; default {@code codezero-doks-token} on the PATH.
         * @param command the program and its arguments, none blank
         * @return this builder
         */
        public Builder tokenCommand(List<String> command) {
            tokenCommand.clear();
            tokenCommand.addAll(io.codezero.core.validation.Arguments.items(command, "DigitalOceanTargetArgs.Builder.tokenCommand"));
            return this;
        }

        /**
         * A file holding the DigitalOcean API token, passed to the helper (the path, never the token).
         * @param path the file's path on the machine running {@code kubectl}
         * @return this builder
         */
        public Builder tokenFile(String path) {
            this.tokenFile = path;
            return this;
        }

        /**
         * Lifetime of the cluster credentials the helper asks for (600-86400 s; default 3600).
         * @param seconds 600 to 86400
         * @return this builder
         */
        public Builder credentialSeconds(int seconds) {
            this.credentialSeconds = seconds;
            return this;
        }

        /**
         * Run the preflight before registering anything (real engine only).
         * @param preflight true to check the account, region and sizes first
         * @return this builder
         */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        /**
         * Freezes the values; they are checked by the validator when the stack plans.
         * @return the arguments
         */
        public DigitalOceanTargetArgs build() {
            return new DigitalOceanTargetArgs(this);
        }
    }
}
