package io.codezero.platform.k8s;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;

/** The inputs of any Kubernetes object whose kind the SDK has no class for: apiVersion, kind, metadata and spec. */
public final class KubernetesObjectArgs extends ResourceArgs {

    @Import(name = "apiVersion", required = true)
    private Output<String> apiVersion;

    @Import(name = "kind", required = true)
    private Output<String> kind;

    @Import(name = "metadata", required = true)
    private Output<ObjectMetaArgs> metadata;

    @Import(name = "spec")
    private Output<Map<String, Object>> spec;

    /** Plain copies for the type token, which must be known before any output resolves. */
    private String apiVersionText;
    private String kindText;

    private KubernetesObjectArgs() {
    }

    /** The apiVersion as given, for the type token, which must be known before any output resolves. */
    public String apiVersionValue() {
        return apiVersionText;
    }

    /** The kind as given, for the type token. */
    public String kindValue() {
        return kindText;
    }

    /** A builder; apiVersion, kind and metadata are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link KubernetesObjectArgs}. */
    public static final class Builder {
        private final KubernetesObjectArgs args = new KubernetesObjectArgs();

        /** e.g. {@code security.istio.io/v1}. */
        public Builder apiVersion(String apiVersion) {
            args.apiVersionText = apiVersion;
            args.apiVersion = Output.of(apiVersion);
            return this;
        }

        /** The object's kind, e.g. {@code VirtualService}. */
        public Builder kind(String kind) {
            args.kindText = kind;
            args.kind = Output.of(kind);
            return this;
        }

        /** The object's metadata (name, namespace, labels): {@link Meta#of}. */
        public Builder metadata(ObjectMetaArgs metadata) {
            args.metadata = Output.of(metadata);
            return this;
        }

        /** A plain spec: maps, lists, strings, numbers and booleans. */
        public Builder spec(Map<String, Object> spec) {
            args.spec = Output.of(spec);
            return this;
        }

        /** A spec that depends on other resources' outputs; secrets inside stay secret. */
        public Builder spec(Output<Map<String, Object>> spec) {
            args.spec = spec;
            return this;
        }

        /** The args; fails when apiVersion, kind or metadata is missing. */
        public KubernetesObjectArgs build() {
            Objects.requireNonNull(args.apiVersionText, "apiVersion");
            Objects.requireNonNull(args.kindText, "kind");
            Objects.requireNonNull(args.metadata, "metadata");
            return args;
        }
    }
}
