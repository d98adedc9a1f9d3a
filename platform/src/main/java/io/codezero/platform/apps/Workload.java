package io.codezero.platform.apps;

import com.pulumi.core.Output;
import io.codezero.platform.helm.ChartRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What runs an app: a container image this library deploys, or a Helm chart. */
public sealed interface Workload {

    /** The Service name the app is reached at. */
    String serviceName(String app);

    /** The Service port the app is reached at. */
    int port();

    /**
     * A container image on a port: {@code Workload.image("ghcr.io/acme/shop:1.4.2", 8080)}.
     *
     * @param image a pinned image reference (tag or digest, never "latest")
     * @param port  the container and service port
     * @return the workload; add args, environment and an fsGroup with its {@code with...} methods
     */
    static Image image(String image, int port) {
        return new Image(image, port, List.of(), Map.of(), Map.of(), Optional.empty());
    }

    /**
     * A chart release as an app's workload.
     *
     * @param chart          the pinned chart
     * @param values         its values
     * @param serviceName    the Service the chart creates for the app
     * @param serviceAccount the ServiceAccount its pods run as
     * @param port           the Service's port
     * @return the workload
     */
    static Chart chart(ChartRef chart, Map<String, Object> values, String serviceName, String serviceAccount, int port) {
        return new Chart(chart, values, serviceName, serviceAccount, port);
    }

    /**
     * @param image     a pinned image reference (tag or digest, never "latest")
     * @param port      the container and service port
     * @param args      container args; may reference env vars as $(NAME)
     * @param env       plain environment
     * @param outputEnv environment whose values come from other resources (a database endpoint, a bucket name); they
     *                  resolve at deploy time and show as unknown in a preview until then
     * @param fsGroup   group owning mounted volumes, for images that do not run as root
     */
    record Image(String image, int port, List<String> args, Map<String, String> env, Map<String, Output<String>> outputEnv,
                 Optional<Integer> fsGroup) implements Workload {
        /** Copies the collections. */
        public Image {
            args = List.copyOf(args);
            env = Map.copyOf(env);
            outputEnv = Map.copyOf(outputEnv);
            fsGroup = fsGroup == null ? Optional.empty() : fsGroup;
        }

        /**
         * The 0.1 shape, without environment from other resources.
         *
         * @deprecated use {@link Workload#image(String, int)} and the {@code with...} methods
         */
        @Deprecated
        public Image(String image, int port, List<String> args, Map<String, String> env, Optional<Integer> fsGroup) {
            this(image, port, args, env, Map.of(), fsGroup);
        }

        /** The same image with these container args. */
        public Image withArgs(List<String> newArgs) {
            return new Image(image, port, newArgs, env, outputEnv, fsGroup);
        }

        /** The same image with one more plain environment variable. */
        public Image withEnv(String name, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(env);
            all.put(name, value);
            return new Image(image, port, args, all, outputEnv, fsGroup);
        }

        /** The same image with these plain environment variables added. */
        public Image withEnv(Map<String, String> more) {
            Map<String, String> all = new java.util.LinkedHashMap<>(env);
            all.putAll(more);
            return new Image(image, port, args, all, outputEnv, fsGroup);
        }

        /** The same image with one more environment variable whose value another resource gives. */
        public Image withEnv(String name, Output<String> value) {
            Map<String, Output<String>> all = new java.util.LinkedHashMap<>(outputEnv);
            all.put(name, value);
            return new Image(image, port, args, env, all, fsGroup);
        }

        /** The same image with the group that owns mounted volumes, for images that do not run as root. */
        public Image withFsGroup(int group) {
            return new Image(image, port, args, env, outputEnv, Optional.of(group));
        }

        @Override
        public String serviceName(String app) {
            return app;
        }
    }

    /**
     * @param serviceName    the Service the chart creates for the app
     * @param serviceAccount the ServiceAccount the chart's pods run as (their mesh identity)
     */
    record Chart(ChartRef chart, Map<String, Object> values, String serviceName, String serviceAccount, int port) implements Workload {
        /** Copies the values. */
        public Chart {
            values = Map.copyOf(values);
        }

        @Override
        public String serviceName(String app) {
            return serviceName;
        }
    }
}
