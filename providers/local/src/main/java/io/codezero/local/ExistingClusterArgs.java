package io.codezero.local;

import com.pulumi.core.Output;
import io.codezero.core.target.Exposure;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to find an existing cluster: a kubeconfig file (or its content) and a context.
 *
 * @param kubeconfigPath    file to read; default {@code $KUBECONFIG} (first entry) or {@code ~/.kube/config}
 * @param kubeconfigContent the kubeconfig itself, e.g. from a secret config value; wins over the path
 * @param kubeconfigOutput  the kubeconfig as another resource's output (a cluster made elsewhere in the program);
 *                          wins over both; it is not known before deployment, so the context must be named
 * @param context           context to use; default the kubeconfig's current-context
 * @param storageClass      storage class for both tiers; default depends on the detected distribution
 * @param gatewayExposure   how a LoadBalancer service is exposed; local clusters have no cloud LB
 * @param loadBalancerAddresses whether LoadBalancer services get an address (true with
 *                          {@code minikube tunnel} or MetalLB); default by distribution
 */
public record ExistingClusterArgs(
        Path kubeconfigPath,
        String kubeconfigContent,
        Output<String> kubeconfigOutput,
        String context,
        String storageClass,
        Exposure gatewayExposure,
        Boolean loadBalancerAddresses) {

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> contextName() {
        return Optional.ofNullable(context).filter(c -> !c.isBlank());
    }

    public static final class Builder {
        private Path kubeconfigPath;
        private String kubeconfigContent;
        private Output<String> kubeconfigOutput;
        private String context;
        private String storageClass;
        private Exposure gatewayExposure;
        private Boolean loadBalancerAddresses;

        public Builder kubeconfigPath(Path path) {
            this.kubeconfigPath = path;
            return this;
        }

        public Builder kubeconfigPath(String path) {
            this.kubeconfigPath = path == null || path.isBlank() ? null : Path.of(path);
            return this;
        }

        public Builder kubeconfigContent(String content) {
            this.kubeconfigContent = content;
            return this;
        }

        /** A kubeconfig that another resource produces; kept a secret. Name the context with {@link #context}. */
        public Builder kubeconfig(Output<String> kubeconfig) {
            this.kubeconfigOutput = kubeconfig;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public Builder storageClass(String storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        public Builder gatewayExposure(Exposure exposure) {
            this.gatewayExposure = exposure;
            return this;
        }

        public Builder loadBalancerAddresses(Boolean assigned) {
            this.loadBalancerAddresses = assigned;
            return this;
        }

        public ExistingClusterArgs build() {
            return new ExistingClusterArgs(kubeconfigPath, kubeconfigContent, kubeconfigOutput, context, storageClass, gatewayExposure, loadBalancerAddresses);
        }
    }
}
