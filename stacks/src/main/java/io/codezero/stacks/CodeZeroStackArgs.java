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

    /** The config namespace these args were read from ({@code codezero}), so problems name config keys; null when built in code. */
    public String configNamespace() {
        return configNamespace;
    }

    /** A builder with nothing set; a target and a cluster spec are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these args, to add to or change them: a config-built stack takes a layer or app of your own
     * with {@code config.toArgs(target).toBuilder().layer(new MyLayer()).build()}.
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

    public ClusterTarget target() {
        return target;
    }

    public ClusterSpec cluster() {
        return cluster;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public List<PlatformLayer> layers() {
        return layers;
    }

    public List<PlatformApp> apps() {
        return apps;
    }

    /** Problems found while reading these args from config; reported with all the others. */
    public List<Problem> inputProblems() {
        return inputProblems;
    }

    public static final class Builder {
        private ClusterTarget target;
        private ClusterSpec cluster;
        private PlatformSettings settings;
        private final List<PlatformLayer> layers = new ArrayList<>();
        private final List<PlatformApp> apps = new ArrayList<>();
        private final List<Problem> inputProblems = new ArrayList<>();
        private String configNamespace;

        public Builder target(ClusterTarget target) {
            this.target = target;
            return this;
        }

        public Builder cluster(ClusterSpec cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder settings(PlatformSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder layer(PlatformLayer layer) {
            layers.add(io.codezero.core.validation.Arguments.given(layer, "CodeZeroStackArgs.Builder.layer"));
            return this;
        }

        public Builder layers(List<? extends PlatformLayer> layers) {
            this.layers.addAll(io.codezero.core.validation.Arguments.items(layers, "CodeZeroStackArgs.Builder.layers"));
            return this;
        }

        public Builder app(PlatformApp app) {
            apps.add(io.codezero.core.validation.Arguments.given(app, "CodeZeroStackArgs.Builder.app"));
            return this;
        }

        public Builder apps(List<? extends PlatformApp> apps) {
            this.apps.addAll(io.codezero.core.validation.Arguments.items(apps, "CodeZeroStackArgs.Builder.apps"));
            return this;
        }

        public Builder inputProblems(List<Problem> problems) {
            inputProblems.addAll(io.codezero.core.validation.Arguments.items(problems, "CodeZeroStackArgs.Builder.inputProblems"));
            return this;
        }

        /** Set by {@link StackConfig#toArgs}: problems are then reported as config keys ({@code codezero:cluster.name}). */
        public Builder configNamespace(String namespace) {
            this.configNamespace = namespace;
            return this;
        }

        public CodeZeroStackArgs build() {
            return new CodeZeroStackArgs(this);
        }
    }
}
