package io.codezero.platform;

import io.codezero.core.validation.Problem;
import io.codezero.platform.mesh.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order layers and apps are installed in, derived from what each requires and provides, and
 * every problem of the graph: a requirement nobody offers, two offering the same thing, a cycle,
 * two routes on the same host and path, a name used twice. Independent of the order the components
 * were listed in: among components free to go, layers go before apps, then by name.
 */
public final class InstallPlan {
    private final List<PlatformComponent> order;
    private final List<Problem> problems;

    private InstallPlan(List<PlatformComponent> order, List<Problem> problems) {
        this.order = List.copyOf(order);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param given capabilities already present before any component (e.g. the stack's system namespace)
     */
    public static InstallPlan of(List<? extends PlatformLayer> layers, List<? extends PlatformApp> apps, PlatformSettings settings,
                                 Set<Capability> given) {
        List<Problem> problems = new ArrayList<>();
        List<PlatformComponent> all = new ArrayList<>(layers);
        all.addAll(apps);

        Map<String, PlatformComponent> byName = new LinkedHashMap<>();
        for (PlatformComponent component : all) {
            PlatformComponent previous = byName.putIfAbsent(component.name(), component);
            if (previous != null) {
                problems.add(Problem.of(component.path().endsWith("]") ? component.path() + ".name" : component.path(), component.name(),
                        previous instanceof PlatformLayer && component instanceof PlatformLayer
                                ? "is listed twice; each layer may run once"
                                : "is already used by " + previous.path() + "; layer and app names must be unique"));
            }
        }
        List<PlatformComponent> unique = List.copyOf(byName.values());

        Map<Capability, PlatformComponent> offeredBy = new HashMap<>();
        for (PlatformComponent component : unique) {
            for (Capability capability : component.provides()) {
                PlatformComponent other = offeredBy.putIfAbsent(capability, component);
                if (other != null) {
                    problems.add(Problem.of(component.path(), component.name(), "offers " + capability + ", which " + other.path()
                            + " offers already; a stack has one of each: keep one of them"));
                }
            }
        }

        Map<PlatformComponent, Set<PlatformComponent>> after = new LinkedHashMap<>();
        for (PlatformComponent component : unique) {
            Set<PlatformComponent> before = new LinkedHashSet<>();
            for (Requirement requirement : component.requires()) {
                PlatformComponent provider = offeredBy.get(requirement.capability());
                String field = requirement.field() != null ? requirement.field() : component.path();
                if (provider == component && requirement.mandatory()) {
                    problems.add(Problem.of(field, requirement.capability().qualifier(), "names this component itself; it cannot wait for itself"));
                } else if (provider != null && provider != component) {
                    before.add(provider);
                } else if (provider == null && requirement.mandatory() && !given.contains(requirement.capability())) {
                    problems.add(missing(requirement, field, offeredBy));
                }
            }
            after.put(component, before);
        }

        problems.addAll(settings.validate());
        Set<String> chartKeys = new java.util.TreeSet<>();
        layers.forEach(layer -> layer.charts().forEach(chart -> chartKeys.add(chart.key())));
        problems.addAll(settings.chartSources().validate("platform.chartSources", chartKeys));
        checkNamespaces(unique, settings, problems);
        checkRoutes(unique, settings, problems);
        List<PlatformComponent> order = sort(after, problems);
        return new InstallPlan(order, problems);
    }

    /**
     * A requirement nobody offers. For a qualified capability such as an app's interface ("db/postgres"), says what
     * the named component does offer when it exists.
     */
    private static Problem missing(Requirement requirement, String field, Map<Capability, PlatformComponent> offeredBy) {
        Capability wanted = requirement.capability();
        String qualifier = wanted.qualifier();
        if (qualifier.contains("/")) {
            String owner = qualifier.substring(0, qualifier.indexOf('/'));
            List<String> offers = offeredBy.keySet().stream()
                    .filter(c -> c.fact() == wanted.fact() && c.qualifier().startsWith(owner + "/"))
                    .map(c -> c.qualifier().substring(owner.length() + 1)).sorted().toList();
            if (offeredBy.containsKey(Capability.of(wanted.fact(), owner))) {
                return Problem.of(field, qualifier, owner + " offers no interface \"" + qualifier.substring(owner.length() + 1)
                        + "\"; it offers " + offers);
            }
        }
        return Problem.of(field, qualifier.isEmpty() ? wanted.fact().getSimpleName() : qualifier, requirement.fix());
    }

    /** The components in the order they install: each after what it requires. */
    public List<PlatformComponent> order() {
        return order;
    }

    /** Every problem of the graph and the settings; the plan must not be installed when there are any. */
    public List<Problem> problems() {
        return problems;
    }

    private static final Comparator<PlatformComponent> STABLE = Comparator
            .comparing((PlatformComponent c) -> c instanceof PlatformApp ? 1 : 0)
            .thenComparing(PlatformComponent::name);

    /** Kahn's algorithm with a priority queue, so equal graphs give equal orders whatever the input order. */
    private static List<PlatformComponent> sort(Map<PlatformComponent, Set<PlatformComponent>> after, List<Problem> problems) {
        Map<PlatformComponent, Integer> waiting = new HashMap<>();
        Map<PlatformComponent, List<PlatformComponent>> dependents = new HashMap<>();
        after.forEach((component, before) -> {
            waiting.put(component, before.size());
            before.forEach(b -> dependents.computeIfAbsent(b, k -> new ArrayList<>()).add(component));
        });
        PriorityQueue<PlatformComponent> ready = new PriorityQueue<>(STABLE);
        waiting.forEach((component, count) -> {
            if (count == 0) {
                ready.add(component);
            }
        });
        List<PlatformComponent> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            PlatformComponent next = ready.poll();
            order.add(next);
            for (PlatformComponent dependent : dependents.getOrDefault(next, List.of())) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < after.size()) {
            List<PlatformComponent> stuck = after.keySet().stream().filter(c -> !order.contains(c)).sorted(STABLE).toList();
            problems.add(Problem.of(stuck.get(0).path(), stuck.stream().map(PlatformComponent::name).collect(Collectors.joining(" -> ")),
                    "these wait for each other (a cycle of links or requirements); remove one of the links"));
        }
        return order;
    }

    /** Each component owns its namespaces; sharing one would let removing a layer delete another's resources. */
    private static void checkNamespaces(List<PlatformComponent> components, PlatformSettings settings, List<Problem> problems) {
        Map<String, String> ownedBy = new HashMap<>();
        ownedBy.put(settings.systemNamespace(), "platform.systemNamespace");
        for (PlatformComponent component : components) {
            for (String namespace : component.namespaces()) {
                String at = component.path() + (component instanceof PlatformApp ? ".name" : ".namespace");
                io.codezero.core.validation.Names.whyNotDnsLabel(namespace, 63).ifPresent(why -> problems.add(Problem.of(at, namespace, why)));
                if (PlatformSettings.KUBERNETES_NAMESPACES.contains(namespace)) {
                    problems.add(Problem.of(at, namespace, "is Kubernetes' own namespace; choose another (removing the "
                            + (component instanceof PlatformApp ? "app" : "layer") + " would delete it)"));
                    continue;
                }
                String other = ownedBy.putIfAbsent(namespace, component.path());
                if (other != null && !other.equals(component.path())) {
                    problems.add(Problem.of(at, namespace, "is already the namespace of " + other + "; each layer and app needs its own"));
                }
            }
        }
    }

    private static void checkRoutes(List<PlatformComponent> components, PlatformSettings settings, List<Problem> problems) {
        Map<String, String> claimedBy = new HashMap<>();
        for (PlatformComponent component : components) {
            Set<String> own = new HashSet<>();
            for (Route route : component.routes(settings)) {
                // every route shares the domain, so the host label and path tell routes apart even when the domain is an Output
                String key = route.hostName(settings.domainForMessages()) + (route.path() == null ? "/" : route.path());
                String other = claimedBy.putIfAbsent(key, component.path());
                if (other != null && !own.contains(key)) {
                    problems.add(Problem.of(component.path() + ".route", "https://" + key,
                            "is already served by " + other + "; choose another host or path"));
                }
                own.add(key);
            }
        }
    }
}
