package io.codezero.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Everything an offline run registered and exported, in registration order. */
public final class OfflineRun {
    private final int exitCode;
    private final List<PlannedResource> resources;
    private final Map<String, PlannedOutput> outputs;
    private final List<String> errors;
    private final List<Throwable> exceptions;
    /** Built on first use and kept: tests ask many ordering questions of one run. */
    private DependencyGraph graph;

    public OfflineRun(int exitCode, List<PlannedResource> resources, Map<String, PlannedOutput> outputs,
                      List<String> errors, List<Throwable> exceptions) {
        this.exitCode = exitCode;
        this.resources = List.copyOf(resources);
        this.outputs = outputs;
        this.errors = List.copyOf(errors);
        this.exceptions = List.copyOf(exceptions);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<PlannedResource> resources() {
        return resources;
    }

    public Map<String, PlannedOutput> outputs() {
        return outputs;
    }

    public List<String> errors() {
        return errors;
    }

    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** The "must be created after" relation of this run. */
    public synchronized DependencyGraph graph() {
        if (graph == null) {
            graph = DependencyGraph.of(this);
        }
        return graph;
    }

    public boolean succeeded() {
        return exitCode == 0 && errors.isEmpty() && exceptions.isEmpty();
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<PlannedResource> where(Predicate<PlannedResource> filter) {
        return resources.stream().filter(filter).toList();
    }

    public Optional<PlannedResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    public PlannedResource get(String type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name + "; registered: "
                + resources.stream().map(PlannedResource::toString).collect(Collectors.joining(", "))));
    }

    public Optional<PlannedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    /** True if {@code later} depends on {@code earlier} directly, through a chain of dependencies or through an ancestor. */
    public boolean dependsOn(PlannedResource later, PlannedResource earlier) {
        return graph().reaches(later.urn(), earlier.urn());
    }

    /** The first failure as text, for assertion messages. */
    public String failure() {
        return String.join("\n", errors) + exceptions.stream().map(t -> "\n" + t).collect(Collectors.joining());
    }
}
