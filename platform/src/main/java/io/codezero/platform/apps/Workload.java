package io.codezero.platform.apps;

import io.codezero.platform.helm.ChartRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What runs an app: a container image this library deploys, or a Helm chart. */
public sealed interface Workload {

    /** The Service name and port the app is reached at. */
    String serviceName(String app);

    int port();

    /**
     * @param image   a pinned image reference (tag or digest, never "latest")
     * @param port    the container and service port
     * @param args    container args; may reference env vars as $(NAME)
     * @param env     plain environment
     * @param fsGroup group owning mounted volumes, for images that do not run as root
     */
    record Image(String image, int port, List<String> args, Map<String, String> env, Optional<Integer> fsGroup) implements Workload {
        public Image {
            args = List.copyOf(args);
            env = Map.copyOf(env);
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
        public Chart {
            values = Map.copyOf(values);
        }

        @Override
        public String serviceName(String app) {
            return serviceName;
        }
    }
}
