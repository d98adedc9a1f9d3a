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
    public static final List<String> DEFAULT_TOKEN_COMMAND = List.of("codezero-doks-token");
    /** Name of the cluster's built-in pool; spec pools may not use it. */
    public static final String BUILT_IN_POOL = "base";
    public static final String DEFAULT_BUILT_IN_POOL_SIZE = "s-2vcpu-4gb";
    public static final List<String> MAINTENANCE_DAYS = List.of("any", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
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

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code codezero:digitalocean} config object. Type errors and unknown keys are added
     * to the object's problems (never thrown), so the stack reports them with every other problem.
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

    public String region() {
        return region;
    }

    public Optional<String> existingVpcId() {
        return Optional.ofNullable(existingVpcId);
    }

    public boolean adoptsVpc() {
        return existingVpcId != null;
    }

    public Optional<String> existingProjectId() {
        return Optional.ofNullable(existingProjectId);
    }

    public Optional<String> projectEnvironment() {
        return Optional.ofNullable(projectEnvironment);
    }

    public Map<SizeClass, String> dropletSizeOverrides() {
        return dropletSizeOverrides;
    }

    public DropletSizes dropletSizes() {
        return dropletSizes;
    }

    public String builtInPoolSize() {
        return builtInPoolSize;
    }

    public int builtInPoolNodes() {
        return builtInPoolNodes;
    }

    public boolean highAvailability() {
        return highAvailability;
    }

    public boolean registryIntegration() {
        return registryIntegration;
    }

    /**
     * Whether the account may use DOKS' control-plane firewall (early availability, by invitation):
     * only then is {@code network.apiAccessAllowlist} enforced, and the firewall block is always sent.
     */
    public boolean controlPlaneFirewall() {
        return controlPlaneFirewall;
    }

    public String maintenanceDay() {
        return maintenanceDay;
    }

    public String maintenanceStartTime() {
        return maintenanceStartTime;
    }

    public boolean destroyAssociatedResources() {
        return destroyAssociatedResources;
    }

    public Optional<String> versionSlug() {
        return Optional.ofNullable(versionSlug);
    }

    public List<String> tokenCommand() {
        return tokenCommand;
    }

    public Optional<String> tokenFile() {
        return Optional.ofNullable(tokenFile);
    }

    public int credentialSeconds() {
        return credentialSeconds;
    }

    public boolean preflight() {
        return preflight;
    }

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

        /** Region slug, e.g. fra1. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Adopt an existing VPC (its UUID) instead of creating one from {@code network.vpcCidr}. */
        public Builder existingVpcId(String vpcId) {
            this.existingVpcId = vpcId;
            return this;
        }

        /** Put the cluster into an existing project (its UUID) instead of creating one. */
        public Builder existingProjectId(String projectId) {
            this.existingProjectId = projectId;
            return this;
        }

        /** Development, Staging or Production, shown on the project we create. */
        public Builder projectEnvironment(String environment) {
            this.projectEnvironment = environment;
            return this;
        }

        public Builder dropletSize(SizeClass sizeClass, String slug) {
            dropletSizeOverrides.put(sizeClass, slug);
            return this;
        }

        /** The cluster's built-in pool: a change replaces the whole cluster, so keep it fixed. */
        public Builder builtInPoolSize(String slug) {
            this.builtInPoolSize = slug;
            return this;
        }

        public Builder builtInPoolNodes(int nodes) {
            this.builtInPoolNodes = nodes;
            return this;
        }

        /** HA control plane (default true); DigitalOcean cannot turn it off again once on. */
        public Builder highAvailability(boolean ha) {
            this.highAvailability = ha;
            return this;
        }

        /** Let nodes pull from the account's DigitalOcean Container Registry (it must exist). */
        public Builder registryIntegration(boolean enabled) {
            this.registryIntegration = enabled;
            return this;
        }

        /**
         * Say that the account has DOKS' control-plane firewall (early availability, invite only, per the
         * API specification), so {@code network.apiAccessAllowlist} can be enforced by it. Default false:
         * an allowlist without it is refused at validation, before DigitalOcean would refuse the cluster.
         */
        public Builder controlPlaneFirewall(boolean available) {
            this.controlPlaneFirewall = available;
            return this;
        }

        /** Day (monday..sunday or any) and start time (HH:MM, UTC) of DigitalOcean's maintenance window. */
        public Builder maintenanceWindow(String day, String startTime) {
            this.maintenanceDay = day;
            this.maintenanceStartTime = startTime;
            return this;
        }

        /** Opt in to DigitalOcean deleting load balancers, volumes and snapshots made through Kubernetes with the cluster. */
        public Builder destroyAssociatedResources(boolean destroy) {
            this.destroyAssociatedResources = destroy;
            return this;
        }

        /** Pin the exact DOKS version slug (e.g. 1.34.1-do.0) instead of the newest of the spec's minor. */
        public Builder versionSlug(String slug) {
            this.versionSlug = slug;
            return this;
        }

        /** The kubeconfig exec command; default {@code codezero-doks-token} on the PATH. */
        public Builder tokenCommand(List<String> command) {
            tokenCommand.clear();
            tokenCommand.addAll(io.codezero.core.validation.Arguments.items(command, "DigitalOceanTargetArgs.Builder.tokenCommand"));
            return this;
        }

        /** A file holding the DigitalOcean API token, passed to the helper (the path, never the token). */
        public Builder tokenFile(String path) {
            this.tokenFile = path;
            return this;
        }

        /** Lifetime of the cluster credentials the helper asks for (600-86400 s; default 3600). */
        public Builder credentialSeconds(int seconds) {
            this.credentialSeconds = seconds;
            return this;
        }

        /** Run the preflight before registering anything (real engine only). */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        public DigitalOceanTargetArgs build() {
            return new DigitalOceanTargetArgs(this);
        }
    }
}
