package io.codezero.pkg.shape;

import java.util.List;

/** {@code platform.apps[i].probes.<probe>}. */
@Doc("A probe: exactly one of http, tcp or exec, with optional timing.")
public final class AppProbeShape {
    @Doc("An HTTP GET of this path.")
    String http;

    @Doc("A TCP connection to this port.")
    Integer tcp;

    @Doc("A command and its arguments, run in the container.")
    List<String> exec;

    @Doc("With http: the port (default the app's port).")
    Integer port;

    @Doc("Seconds between probes.")
    Integer periodSeconds;

    @Doc("Seconds a probe may take.")
    Integer timeoutSeconds;

    @Doc("Failures in a row before the probe counts as failed.")
    Integer failureThreshold;

    @Doc("Seconds before the first probe.")
    Integer initialDelaySeconds;

    private AppProbeShape() {
    }
}
