package io.codezero.core.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The "must be created after" relation of an offline run. Depending on a component means
 * depending on everything inside it, as the engine treats it.
 */
public final class DependencyGraph {
    private final Map<String, PlannedResource> byUrn = new HashMap<>();
    private final Map<String, Set<String>> edges = new HashMap<>();
    private final Map<String, Set<String>> closure = new HashMap<>();

    private DependencyGraph(OfflineRun run) {
        Map<String, List<String>> children = new HashMap<>();
        for (PlannedResource r : run.resources()) {
            byUrn.put(r.urn(), r);
            if (r.parentUrn() != null) {
                children.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>()).add(r.urn());
            }
        }
        for (PlannedResource r : run.resources()) {
            Set<String> direct = new LinkedHashSet<>();
            for (String dep : r.dependencies()) {
                direct.add(dep);
                direct.addAll(descendants(dep, children));
            }
            edges.put(r.urn(), direct);
        }
    }

    public static DependencyGraph of(OfflineRun run) {
        return new DependencyGraph(run);
    }

    private static Set<String> descendants(String urn, Map<String, List<String>> children) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(children.getOrDefault(urn, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (out.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    /** True if {@code fromUrn} must wait, directly or transitively, for {@code toUrn}. */
    public boolean reaches(String fromUrn, String toUrn) {
        return waitsFor(fromUrn).contains(toUrn);
    }

    /** Everything {@code urn} waits for, directly or transitively; computed once per resource. */
    private synchronized Set<String> waitsFor(String urn) {
        Set<String> cached = closure.get(urn);
        if (cached != null) {
            return cached;
        }
        Set<String> all = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(urn, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (all.add(next)) {
                todo.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        closure.put(urn, all);
        return all;
    }

    /**
     * The longest chain of resources matching {@code filter} where each must wait for the one
     * before it: how many such steps a deploy has to run one after another.
     */
    public List<PlannedResource> longestChain(Predicate<PlannedResource> filter) {
        List<PlannedResource> nodes = byUrn.values().stream().filter(filter).toList();
        Map<String, List<PlannedResource>> memo = new HashMap<>();
        List<PlannedResource> best = List.of();
        for (PlannedResource node : nodes) {
            List<PlannedResource> chain = chainEndingAt(node, nodes, memo);
            if (chain.size() > best.size()) {
                best = chain;
            }
        }
        return best;
    }

    private List<PlannedResource> chainEndingAt(PlannedResource node, List<PlannedResource> nodes, Map<String, List<PlannedResource>> memo) {
        List<PlannedResource> cached = memo.get(node.urn());
        if (cached != null) {
            return cached;
        }
        List<PlannedResource> best = List.of();
        for (PlannedResource earlier : nodes) {
            if (!earlier.urn().equals(node.urn()) && reaches(node.urn(), earlier.urn())) {
                List<PlannedResource> chain = chainEndingAt(earlier, nodes, memo);
                if (chain.size() > best.size()) {
                    best = chain;
                }
            }
        }
        List<PlannedResource> result = new ArrayList<>(best);
        result.add(node);
        memo.put(node.urn(), List.copyOf(result));
        return memo.get(node.urn());
    }
}
