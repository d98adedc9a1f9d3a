package io.codezero.stacks;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.validation.Problem;
import io.codezero.platform.PlatformApp;
import io.codezero.platform.PlatformLayer;
import io.codezero.platform.PlatformSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link CodeZeroStack} is made of: where the cluster comes from, what it looks like,
 * which platform layers run on it and which apps are installed.
 */
public final class CodeZeroStackArgs {
    private final ClusterTarget target;
    private final ClusterSpec cluster;
    private final PlatformSettings settings;
    private final List<PlatformLayer> layers;
    private final List<PlatformApp> apps;
    private final List<Problem> inputProblems;
    private final String configNamespace;

    private CodeZeroStackArgs(Builder b) {
        this.target = b.target;
        this.cluster = b.cluster;
        this.settings = Objects.requireNonNullElse(b.settings, PlatformSettings.defaults());
        this.layers = List.copyOf(b.layers);
        this.apps = List.copyOf(b.apps);
        this.inputProblems = List.copyOf(b.inputProblems);
        this.configNamespace = b.configNamespace;
    }

    /**
     * The config namespace these args were read from ({@code codezero}), so problems name config keys.
     *
     * @return the namespace, or null when the args were built in code
     */
    public String configNamespace() {
        return configNamespace;
    }

    /**
     * A builder with no target or cluster (both required), default settings, and no layers or apps.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these args, to add to or change them: a config-built stack takes a layer or app of your own
     * with {@code config.toArgs(target).toBuilder().layer(new MyLayer()).build()}.
     *
     * @return a new builder with everything these args hold
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.target = target;
        b.cluster = cluster;
        b.settings = settings;
        b.layers.addAll(layers);
        b.apps.addAll(apps);
        b.inputProblems.addAll(inputProblems);
        b.configNamespace = configNamespace;
        return b;
    }

    /**
     * Where the cluster comes from: a cloud, machines over SSH, or an existing cluster.
     *
     * @return the target, or null when none was given (a problem)
     */
    public ClusterTarget target() {
        return target;
    }

    /**
     * What the cluster looks like: name, Kubernetes version, node pools, network, tags.
     *
     * @return the spec, or null when none was given (a problem)
     */
    public ClusterSpec cluster() {
        return cluster;
    }

    /**
     * Settings every layer and app shares: domain, system namespace, chart sources.
     *
     * @return the settings; {@link PlatformSettings#defaults()} when none were given
     */
    public PlatformSettings settings() {
        return settings;
    }

    /**
     * The platform layers, in the order given; the stack installs them in the order their requirements need.
     *
     * @return the layers
     */
    public List<PlatformLayer> layers() {
        return layers;
    }

    /**
     * The apps, in the order given; the stack installs each after what it links to.
     *
     * @return the apps
     */
    public List<PlatformApp> apps() {
        return apps;
    }

    /**
     * Problems found while reading these args from config, or while building them; reported with all the others.
     *
     * @return the problems, empty when there were none
     */
    public List<Problem> inputProblems() {
        return inputProblems;
    }

    /** Builds {@link CodeZeroStackArgs}; every method takes no nulls (a null is reported as a problem of the program). */
    public static final class Builder {
        private ClusterTarget target;
        private ClusterSpec cluster;
        private PlatformSettings settings;
        private final List<PlatformLayer> layers = new ArrayList<>();
        private final List<PlatformApp> apps = new ArrayList<>();
        private final List<Problem> inputProblems = new ArrayList<>();
        private String configNamespace;

        /**
         * Where the cluster comes from (required).
         *
         * @param target for example {@code new AwsTarget(AwsTargetArgs.builder().region("eu-west-1").build())}
         * @return this builder
         */
        public Builder target(ClusterTarget target) {
            this.target = target;
            return this;
        }

        /**
         * What the cluster looks like (required).
         *
         * @param cluster the spec, from {@code ClusterSpec.builder(name)}
         * @return this builder
         */
        public Builder cluster(ClusterSpec cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Settings every layer and app shares; default {@link PlatformSettings#defaults()}.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(PlatformSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Adds a platform layer (Istio, certificates, metrics...); any order.
         *
         * @param layer the layer
         * @return this builder
         */
        public Builder layer(PlatformLayer layer) {
            layers.add(io.codezero.core.validation.Arguments.given(layer, "CodeZeroStackArgs.Builder.layer"));
            return this;
        }

        /**
         * Adds platform layers; any order.
         *
         * @param layers the layers
         * @return this builder
         */
        public Builder layers(List<? extends PlatformLayer> layers) {
            this.layers.addAll(io.codezero.core.validation.Arguments.items(layers, "CodeZeroStackArgs.Builder.layers"));
            return this;
        }

        /**
         * Adds an app; any order.
         *
         * @param app the app
         * @return this builder
         */
        public Builder app(PlatformApp app) {
            apps.add(io.codezero.core.validation.Arguments.given(app, "CodeZeroStackArgs.Builder.app"));
            return this;
        }

        /**
         * Adds apps; any order.
         *
         * @param apps the apps
         * @return this builder
         */
        public Builder apps(List<? extends PlatformApp> apps) {
            this.apps.addAll(io.codezero.core.validation.Arguments.items(apps, "CodeZeroStackArgs.Builder.apps"));
            return this;
        }

        /**
         * Problems found while reading the input (by {@link StackConfig}), reported with the stack's own.
         *
         * @param problems the problems
         * @return this builder
         */
        public Builder inputProblems(List<Problem> problems) {
            inputProblems.addAll(io.codezero.core.validation.Arguments.items(problems, "CodeZeroStackArgs.Builder.inputProblems"));
            return this;
        }

        /**
         * Set by {@link StackConfig#toArgs}: problems are then reported as config keys ({@code codezero:cluster.name}).
         *
         * @param namespace the config namespace, {@code codezero}
         * @return this builder
         */
        public Builder configNamespace(String namespace) {
            this.configNamespace = namespace;
            return this;
        }

        /**
         * The args; nothing is checked here: the stack checks everything at once.
         *
         * @return the args
         */
        public CodeZeroStackArgs build() {
            return new CodeZeroStackArgs(this);
        }
    }
}
