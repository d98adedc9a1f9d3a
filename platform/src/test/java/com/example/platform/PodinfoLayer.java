package com.example.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.core.validation.Problem;
import io.codezero.platform.Capability;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** podinfo, a small web app, as a layer of our own: a pinned chart, a route through the gateway, a fact for apps. */
public final class PodinfoLayer implements PlatformLayer {
    /** The chart, pinned; its key is what platform.chartSources may point at a local copy. */
    public static final ChartRef CHART = new ChartRef("podinfo", "https://stefanprodan.github.io/podinfo", "podinfo", "6.3.3");

    private final String namespace;
    private final int replicas;

    /** @param replicas how many podinfo pods run (1 to 5) */
    public PodinfoLayer(String namespace, int replicas) {
        this.namespace = namespace;
        this.replicas = replicas;
    }

    @Override
    public String name() {
        return "podinfo";
    }

    /** Our own package's type, so the plan shows this layer as acme:platform:Podinfo. */
    @Override
    public String type() {
        return "acme:platform:Podinfo";
    }

    @Override
    public List<ChartRef> charts() {
        return List.of(CHART);
    }

    @Override
    public List<String> namespaces() {
        return List.of(namespace);
    }

    /** The route is served by the mesh's gateway: without the istio layer the stack is refused, with this fix. */
    @Override
    public List<Requirement> requires() {
        return List.of(Requirement.needs(Mesh.class, path(), "podinfo is served through the gateway; add the istio layer"));
    }

    @Override
    public Set<Capability> provides() {
        return Set.of(Capability.of(Podinfo.class));
    }

    @Override
    public List<Route> routes(PlatformSettings settings) {
        return List.of(Route.host("podinfo", Visibility.PRIVATE));
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        if (replicas < 1 || replicas > 5) {
            problems.add(Problem.of(path() + ".replicas", replicas, "must be between 1 and 5"));
        }
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        Namespace ns = context.systemNamespace("podinfo-namespace", namespace, PodSecurity.RESTRICTED);
        Release release = context.release("podinfo", CHART, "podinfo", namespace,
                Map.of("replicaCount", replicas, "ui", Map.of("message", "Hello from " + context.stackName())), 300, ns);
        Output<String> url = context.expose("podinfo", namespace, "podinfo", 9898, Route.host("podinfo", Visibility.PRIVATE), false, ns);
        return InstalledLayer.of(name(), List.of(release))
                .withConsole("podinfo", url)
                .withFact(Podinfo.class, new Podinfo("http://podinfo." + namespace + ".svc:9898"));
    }
}
