package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Inputs of {@link KubernetesNodePool}. Only {@code clusterId} and {@code size} force a new pool
 * (terraform-provider-digitalocean kubernetes/kubernetes.go and resource_kubernetes_node_pool.go);
 * name, counts, autoscaling, labels, taints and tags update in place.
 */
public final class KubernetesNodePoolArgs extends ResourceArgs {
    @Import(name = "clusterId", required = true)
    private Output<String> clusterId;
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "size", required = true)
    private Output<String> size;
    @Import(name = "nodeCount")
    private Output<Integer> nodeCount;
    @Import(name = "autoScale")
    private Output<Boolean> autoScale;
    @Import(name = "minNodes")
    private Output<Integer> minNodes;
    @Import(name = "maxNodes")
    private Output<Integer> maxNodes;
    @Import(name = "labels")
    private Output<Map<String, String>> labels;
    @Import(name = "taints")
    private Output<List<Taint>> taints;
    @Import(name = "tags")
    private Output<List<String>> tags;

    private KubernetesNodePoolArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final KubernetesNodePoolArgs args = new KubernetesNodePoolArgs();

        public Builder clusterId(Output<String> v) { args.clusterId = v; return this; }
        public Builder name(String v) { args.name = Output.of(v); return this; }
        public Builder size(String v) { args.size = Output.of(v); return this; }
        public Builder nodeCount(int v) { args.nodeCount = Output.of(v); return this; }
        public Builder autoScale(boolean v) { args.autoScale = Output.of(v); return this; }
        public Builder minNodes(int v) { args.minNodes = Output.of(v); return this; }
        public Builder maxNodes(int v) { args.maxNodes = Output.of(v); return this; }
        public Builder labels(Map<String, String> v) { args.labels = Output.of(Map.copyOf(v)); return this; }
        public Builder taints(List<Taint> v) { args.taints = Output.of(List.copyOf(v)); return this; }
        public Builder tags(List<String> v) { args.tags = Output.of(List.copyOf(v)); return this; }

        public KubernetesNodePoolArgs build() {
            return args;
        }
    }

    /** {@code KubernetesNodePoolTaint}: key, value and effect are all required by the schema. */
    public static final class Taint extends ResourceArgs {
        @Import(name = "key", required = true)
        private Output<String> key;
        @Import(name = "value", required = true)
        private Output<String> value;
        @Import(name = "effect", required = true)
        private Output<String> effect;

        public static Taint of(String key, String value, String effect) {
            Taint t = new Taint();
            t.key = Output.of(key);
            t.value = Output.of(value == null ? "" : value);
            t.effect = Output.of(effect);
            return t;
        }
    }
}
