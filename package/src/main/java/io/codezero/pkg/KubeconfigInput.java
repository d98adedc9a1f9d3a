package io.codezero.pkg;

import com.google.common.collect.ImmutableSet;
import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import io.codezero.local.ExistingClusterArgs;
import java.util.Map;

/**
 * The {@code kubeconfig} input in the forms a program passes it: a file's path (as {@code codezero:kubeconfig}), the
 * kubeconfig itself (YAML or JSON text, or an object, as another package's cluster outputs it: {@code kubeconfig:
 * ${cluster.kubeconfig}}), or a value not known yet (that cluster's kubeconfig during the first preview). Like the
 * Kubernetes provider's own {@code kubeconfig}, text is the content when it is a document (it has a line break or is a
 * JSON object) and a path otherwise. A path is left to the config reader; content and an unknown value are taken here,
 * so the existing-cluster target gets them as {@link ExistingClusterArgs.Builder#kubeconfigContent} or as an
 * {@link Output} ({@link ExistingClusterArgs.Builder#kubeconfig(Output)}), the form the Java API takes a kubeconfig
 * another resource makes in.
 */
final class KubeconfigInput {
    /** The input's name. */
    static final String KEY = "kubeconfig";

    private final String content;
    private final Output<String> output;

    private KubeconfigInput(String content, Output<String> output) {
        this.content = content;
        this.output = output;
    }

    /**
     * Takes the input out of {@code top} when it is content or unknown; leaves a path (or a value of a wrong type) for the
     * config reader, which reads and reports it as for config.
     *
     * @param plain the converted inputs
     * @param top   the top-level values the readers get; the input is removed from it when taken here
     * @return what was taken
     */
    static KubeconfigInput take(PlainInputs plain, Map<String, Object> top) {
        if (plain.isUnknown(KEY)) {
            top.remove(KEY);
            // unknown during preview: an Output of the resources it came from, so the children that use it depend on them
            ImmutableSet<Resource> from = plain.dependencies(KEY).stream().map(DependencyResource::new)
                    .collect(ImmutableSet.toImmutableSet());
            return new KubeconfigInput(null, new OutputInternal<>(OutputData.ofNullable(from, (String) null, false, true)));
        }
        Object value = top.get(KEY);
        String text = value instanceof Map<?, ?> object ? new Gson().toJson(object)
                : value instanceof String s && isDocument(s) ? s : null;
        if (text == null) {
            return new KubeconfigInput(null, null);
        }
        top.remove(KEY);
        return new KubeconfigInput(text, null);
    }

    /** A kubeconfig document rather than a path: a path has no line break and is no JSON object. */
    static boolean isDocument(String text) {
        return text.contains("\n") || text.strip().startsWith("{");
    }

    /** @return whether the input was taken here (its content, or a value not known yet), not left to the reader */
    boolean taken() {
        return content != null || output != null;
    }

    /**
     * Sets the kubeconfig on the target's arguments, when it was taken here.
     *
     * @param args the arguments the config reader filled
     * @return the same builder
     */
    ExistingClusterArgs.Builder applyTo(ExistingClusterArgs.Builder args) {
        if (output != null) {
            args.kubeconfig(output);
        } else if (content != null) {
            args.kubeconfigContent(content);
        }
        return args;
    }
}
