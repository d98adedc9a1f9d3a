package io.codezero.stacks.plan;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedOutput;
import io.codezero.core.plan.PlannedResource;
import io.codezero.stacks.CodeZeroStack;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints an offline run as a tree grouped by layer: each direct child of the CodeZeroStack (the
 * target's cluster, every platform layer, every app) is one group.
 */
final class PlanPrinter {
    private final OfflineRun run;
    private final PrintStream out;
    private final Map<String, List<PlannedResource>> children = new LinkedHashMap<>();

    PlanPrinter(OfflineRun run, PrintStream out) {
        this.run = run;
        this.out = out;
        for (PlannedResource r : run.resources()) {
            if (r.parentUrn() != null) {
                children.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** Resources per group, in registration order; the stack's own direct custom children form "stack". */
    Map<String, List<PlannedResource>> groups() {
        Map<String, List<PlannedResource>> groups = new LinkedHashMap<>();
        for (PlannedResource stack : run.ofType(CodeZeroStack.TYPE)) {
            for (PlannedResource child : children.getOrDefault(stack.urn(), List.of())) {
                String title = child.custom() ? "stack " + stack.name() : label(child);
                List<PlannedResource> members = groups.computeIfAbsent(title, k -> new ArrayList<>());
                members.add(child);
                members.addAll(descendants(child));
            }
        }
        List<PlannedResource> grouped = groups.values().stream().flatMap(List::stream).toList();
        List<PlannedResource> others = run.where(r -> !grouped.contains(r) && !r.type().equals("pulumi:pulumi:Stack")
                && !r.type().equals(CodeZeroStack.TYPE));
        if (!others.isEmpty()) {
            groups.put("outside the CodeZero stack", others);
        }
        return groups;
    }

    void print(String title) {
        out.println(title);
        out.println();
        Map<String, List<PlannedResource>> groups = groups();
        for (PlannedResource stack : run.ofType(CodeZeroStack.TYPE)) {
            out.println(stack.type() + "  " + stack.name());
        }
        for (var group : groups.entrySet()) {
            out.println();
            out.printf("== %s (%d resource%s)%n", group.getKey(), group.getValue().size(), group.getValue().size() == 1 ? "" : "s");
            for (PlannedResource root : group.getValue()) {
                if (root.parentUrn() == null || !group.getValue().stream().anyMatch(r -> r.urn().equals(root.parentUrn()))) {
                    printTree(root, "  ", group.getValue());
                }
            }
        }
        out.println();
        out.println("Resources per layer:");
        int total = 0;
        for (var group : groups.entrySet()) {
            out.printf("  %-44s %4d%n", group.getKey(), group.getValue().size());
            total += group.getValue().size();
        }
        out.printf("  %-44s %4d%n", "total", total);
        if (!run.outputs().isEmpty()) {
            out.println();
            out.println("Outputs:");
            for (Map.Entry<String, PlannedOutput> output : run.outputs().entrySet()) {
                out.printf("  %-16s %s%n", output.getKey(), output.getValue().display());
            }
        }
    }

    private void printTree(PlannedResource node, String indent, List<PlannedResource> scope) {
        String provider = Optional.ofNullable(node.providerUrn()).map(p -> "  [provider " + p.substring(p.lastIndexOf("::") + 2) + "]").orElse("");
        String version = node.version() == null ? "" : "  v" + node.version();
        out.println(indent + node.type() + "  " + node.name() + version + (node.custom() && !node.isProvider() ? provider : ""));
        for (PlannedResource child : children.getOrDefault(node.urn(), List.of())) {
            if (scope.contains(child)) {
                printTree(child, indent + "  ", scope);
            }
        }
    }

    private List<PlannedResource> descendants(PlannedResource node) {
        List<PlannedResource> out = new ArrayList<>();
        for (PlannedResource child : children.getOrDefault(node.urn(), List.of())) {
            out.add(child);
            out.addAll(descendants(child));
        }
        return out;
    }

    private static String label(PlannedResource component) {
        String[] parts = component.type().split(":");
        String module = parts.length > 1 ? parts[1] : "";
        String kind = parts[parts.length - 1];
        return (module.isEmpty() || module.equals("index") ? "" : module + " ") + kind + " " + component.name();
    }
}
