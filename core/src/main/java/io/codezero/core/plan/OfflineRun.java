package io.codezero.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Everything an offline run registered and exported, in registration order. */
public record OfflineRun(
        int exitCode,
        List<PlannedResource> resources,
        Map<String, PlannedOutput> outputs,
        List<String> errors,
        List<Throwable> exceptions) {

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
        return DependencyGraph.of(this).reaches(later.urn(), earlier.urn());
    }

    /** The first failure as text, for assertion messages. */
    public String failure() {
        return String.join("\n", errors) + exceptions.stream().map(t -> "\n" + t).collect(Collectors.joining());
    }
}
