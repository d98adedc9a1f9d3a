package com.example.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.PlatformLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.Requirement;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import java.util.List;
import java.util.Map;

/** The team's own layer: a status page (podinfo) from a pinned chart, behind the gateway, with a console. */
public final class StatusLayer implements PlatformLayer {
    static final ChartRef CHART = new ChartRef("podinfo", "https://stefanprodan.github.io/podinfo", "podinfo", "6.3.3");
    static final Route ROUTE = Route.host("status", Visibility.PRIVATE);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String type() {
        return "example:platform:Status";
    }

    @Override
    public List<ChartRef> charts() {
        return List.of(CHART);
    }

    @Override
    public List<String> namespaces() {
        return List.of("team-status");
    }

    @Override
    public List<Requirement> requires() {
        return List.of(Requirement.needs(Mesh.class, path(), "the status page is served through the gateway; add the istio layer"));
    }

    @Override
    public List<Route> routes(PlatformSettings settings) {
        return List.of(ROUTE);
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        Namespace ns = context.systemNamespace("status-namespace", "team-status", PodSecurity.RESTRICTED);
        Release release = context.release("status", CHART, "podinfo", "team-status", Map.of("ui", Map.of("message", context.stackName())), 300, ns);
        Output<String> url = context.expose("status", "team-status", "podinfo", 9898, ROUTE, false, ns);
        return InstalledLayer.of(name(), List.of(release)).withConsole("status", url);
    }
}
