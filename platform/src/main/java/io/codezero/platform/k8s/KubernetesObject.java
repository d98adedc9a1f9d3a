package io.codezero.platform.k8s;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * An instance of a custom resource definition (Istio Gateway, PeerAuthentication, ServiceMonitor,
 * Certificate, ...), registered with the Kubernetes provider under the token
 * {@code kubernetes:<group>/<version>:<Kind>} the provider derives from the object's apiVersion
 * and kind. The Kubernetes 4.0.0 Java SDK has no typed classes for these; this one class replaces
 * untyped maps scattered through the layers.
 */
public class KubernetesObject extends CustomResource {

    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;

    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    @Export(name = "spec", refs = {Map.class, String.class, Object.class}, tree = "[0,1,2]")
    private Output<Map<String, Object>> spec;

    /** Registers the object under the type token its apiVersion and kind give. */
    public KubernetesObject(String name, KubernetesObjectArgs args, CustomResourceOptions options) {
        super(typeToken(args.apiVersionValue(), args.kindValue()), name, args, options);
    }

    /** Shorthand for the common case: apiVersion, kind, name, namespace, labels and a plain spec. */
    public static KubernetesObject of(String resourceName, String apiVersion, String kind, ObjectMetaArgs metadata,
                                      Map<String, Object> spec, CustomResourceOptions options) {
        return new KubernetesObject(resourceName, KubernetesObjectArgs.builder()
                .apiVersion(apiVersion).kind(kind).metadata(metadata).spec(spec).build(), options);
    }

    /** {@code kubernetes:security.istio.io/v1:PeerAuthentication}; the core group has no prefix: {@code kubernetes:core/v1:...}. */
    public static String typeToken(String apiVersion, String kind) {
        String groupVersion = apiVersion.contains("/") ? apiVersion : "core/" + apiVersion;
        return "kubernetes:" + groupVersion + ":" + kind;
    }

    /** The object's apiVersion. */
    public Output<String> apiVersion() {
        return apiVersion;
    }

    /** The object's kind. */
    public Output<String> kind() {
        return kind;
    }

    /** The object's spec as the provider returned it. */
    public Output<Map<String, Object>> spec() {
        return spec;
    }
}
