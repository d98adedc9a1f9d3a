package io.codezero.platform;

import com.pulumi.resources.Resource;
import io.codezero.core.plan.OfflinePlan;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.platform.mesh.RouteHosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Installs layers and apps on a provisioned cluster exactly as the stack does: validate everything
 * first (nothing is registered if anything is wrong), then each component in the order its
 * requirements give ({@link InstallPlan}), each seeing the facts it declared it requires.
 */
public final class PlatformInstaller {
    private PlatformInstaller() {
    }

    /** Validates and installs a platform config on its own (outside a stack), naming resources after {@code stackName}. */
    public static Map<String, InstalledLayer> install(String stackName, ProvisionedCluster cluster, Resource parent, PlatformConfig config) {
        SpecValidationException.throwIfAny("the platform config", config.validate());
        return installValidated(stackName, cluster, parent, config.settings(), config.installPlan(), Map.of());
    }

    /**
     * Installs a plan whose problems the caller has reported already (the stack validates everything
     * at once). {@code given} are facts present before any component, such as the stack's system namespace.
     */
    public static Map<String, InstalledLayer> installValidated(String stackName, ProvisionedCluster cluster, Resource parent,
                                                               PlatformSettings settings, InstallPlan plan, Map<Capability, Object> given) {
        ClosedRoutesNote.of(settings, plan).ifPresent(OfflinePlan::note);
        refuseWhatTheClustersFactsForbid(cluster, settings, plan);
        Map<Capability, Object> facts = new LinkedHashMap<>(given);
        facts.put(Capability.of(RouteHosts.class), routeHosts(settings, plan));
        Map<String, InstalledLayer> installed = new LinkedHashMap<>();
        for (PlatformComponent component : plan.order()) {
            Set<Capability> declared = component.requires().stream().map(Requirement::capability).collect(Collectors.toSet());
            LayerComponentResource resource = new LayerComponentResource(component.type(), stackName + "-" + component.name(), parent, cluster);
            InstalledLayer done = component.install(new LayerContext(stackName, cluster, resource, settings, facts, declared,
                    component.path(), component.name()));
            resource.complete();
            installed.put(component.name(), done);
            for (Capability capability : component.provides()) {
                Object fact = done.fact(capability.fact()).orElseThrow(() -> new IllegalStateException(
                        component.path() + " declares " + capability + " in provides() but its install() did not hand it over"));
                facts.put(capability, fact);
            }
        }
        return installed;
    }

    /**
     * The problems only the provisioned cluster's facts reveal (a target may state a fact only once it provisioned, not
     * in its planned facts): each component's {@code validate(settings, facts)} beyond what {@code validate(settings)}
     * found, which the caller has reported already. Thrown before any component registers.
     */
    private static void refuseWhatTheClustersFactsForbid(ProvisionedCluster cluster, PlatformSettings settings, InstallPlan plan) {
        List<Problem> problems = new ArrayList<>();
        for (PlatformComponent component : plan.order()) {
            List<Problem> plain = component.validate(settings);
            component.validate(settings, cluster.facts()).stream().filter(p -> !plain.contains(p)).forEach(problems::add);
        }
        SpecValidationException.throwIfAny("the platform on cluster '" + cluster.name() + "'", problems);
    }

    /** Every route of the plan, in install order. */
    static RouteHosts routeHosts(PlatformSettings settings, InstallPlan plan) {
        List<io.codezero.platform.mesh.Route> routes = new java.util.ArrayList<>();
        for (PlatformComponent component : plan.order()) {
            routes.addAll(component.routes(settings));
        }
        return new RouteHosts(routes);
    }
}
