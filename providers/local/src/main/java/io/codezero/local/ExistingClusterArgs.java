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

    /**
     * Starts empty: every field then takes its default (kubeconfig from {@code $KUBECONFIG} or {@code
     * ~/.kube/config}, its current context, the distribution's storage class).
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The context to adopt, if one was named; a blank name counts as none, so the kubeconfig's current-context is
     * used.
     * @return the named context, or empty to use the current-context
     */
    public Optional<String> contextName() {
        return Optional.ofNullable(context).filter(c -> !c.isBlank());
    }

    /** Collects the arguments; anything left unset takes the default described on {@link ExistingClusterArgs}. */
    public static final class Builder {
        private Path kubeconfigPath;
        private String kubeconfigContent;
        private Output<String> kubeconfigOutput;
        private String context;
        private String storageClass;
        private Exposure gatewayExposure;
        private Boolean loadBalancerAddresses;

        /**
         * The kubeconfig file to read; {@code null} falls back to {@code $KUBECONFIG} (its first entry) or {@code
         * ~/.kube/config}.
         * @param path the file, relative paths resolved against the working directory
         * @return this builder
         */
        public Builder kubeconfigPath(Path path) {
            this.kubeconfigPath = path;
            return this;
        }

        /**
         * The kubeconfig file as config gives it; {@code null} or blank means the default file.
         * @param path the file's path, as written
         * @return this builder
         */
        public Builder kubeconfigPath(String path) {
            this.kubeconfigPath = path == null || path.isBlank() ? null : Path.of(path);
            return this;
        }

        /**
         * The kubeconfig's YAML itself, e.g. a secret config value; takes precedence over {@link
         * #kubeconfigPath(Path)}.
         * @param content the whole kubeconfig document
         * @return this builder
         */
        public Builder kubeconfigContent(String content) {
            this.kubeconfigContent = content;
            return this;
        }

        /**
         * A kubeconfig that another resource produces; kept a secret. Name the context with {@link #context}.
         * @param kubeconfig the kubeconfig document, known at deploy time; takes precedence over a path or content
         * @return this builder
         */
        public Builder kubeconfig(Output<String> kubeconfig) {
            this.kubeconfigOutput = kubeconfig;
            return this;
        }

        /**
         * The kubeconfig context to use; {@code null} or blank means its current-context (required with an output
         * kubeconfig).
         * @param context the context's name as {@code kubectl config get-contexts} lists it
         * @return this builder
         */
        public Builder context(String context) {
            this.context = context;
            return this;
        }

        /**
         * The storage class for both storage tiers; {@code null} uses the detected distribution's ({@link
         * LocalFlavour}).
         * @param storageClass a storage class that exists in the cluster
         * @return this builder
         */
        public Builder storageClass(String storageClass) {
            this.storageClass = storageClass;
            return this;
        }

        /**
         * How the gateway's LoadBalancer service is reached; {@code null} keeps the target's default, as local
         * clusters have no cloud load balancer.
         * @param exposure the exposure to use
         * @return this builder
         */
        public Builder gatewayExposure(Exposure exposure) {
            this.gatewayExposure = exposure;
            return this;
        }

        /**
         * Whether LoadBalancer services get an address (true with {@code minikube tunnel}, MetalLB, k3s or Docker
         * Desktop); {@code null} decides by distribution.
         * @param assigned true if the cluster assigns addresses
         * @return this builder
         */
        public Builder loadBalancerAddresses(Boolean assigned) {
            this.loadBalancerAddresses = assigned;
            return this;
        }

        /**
         * Freezes the values; nothing is checked here, validation happens when the target plans.
         * @return the arguments
         */
        public ExistingClusterArgs build() {
            return new ExistingClusterArgs(kubeconfigPath, kubeconfigContent, kubeconfigOutput, context, storageClass, gatewayExposure, loadBalancerAddresses);
        }
    }
}
