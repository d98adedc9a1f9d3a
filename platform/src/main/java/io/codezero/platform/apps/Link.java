package io.codezero.platform.apps;

import java.util.Map;

/**
 * A consumed interface of another app. The consumer gets one Secret with the connection details;
 * {@code env} maps environment variable names to detail keys (empty: every detail as
 * {@code <INTERFACE>_<KEY>}).
 */
public record Link(String app, String interfaceName, Map<String, String> env) {
    /** Copies the environment mapping. */
    public Link {
        env = Map.copyOf(env);
    }

    /** A link handing every detail as {@code <INTERFACE>_<KEY>}. */
    public static Link to(String app, String interfaceName) {
        return new Link(app, interfaceName, Map.of());
    }
}
