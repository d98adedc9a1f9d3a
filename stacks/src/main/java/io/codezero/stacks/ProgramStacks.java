package io.codezero.stacks;

import com.pulumi.deployment.Deployment;
import io.codezero.core.target.PhysicalName;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The CodeZero stacks of one running program (one Pulumi deployment), so that what must be unique across them is
 * checked before a second one registers: stack names (they prefix every resource name), the outputs
 * {@code exportTo} writes, and the physical names targets claim in the cloud ({@link PhysicalName}). Without it
 * the first two crash inside the SDK and the last plans cleanly and fails at deploy time.
 */
final class ProgramStacks {
    /** Keyed by the deployment, so each program run (and each test's run) starts empty; weak, so a finished run is forgotten. */
    private static final Map<Object, ProgramStacks> BY_DEPLOYMENT = new WeakHashMap<>();

    private final Map<String, Set<PhysicalName>> stacks = new LinkedHashMap<>();
    private final Map<String, String> exportedBy = new LinkedHashMap<>();

    /** The stacks of the program now running, or a fresh registry when no deployment runs (nothing to collide with). */
    static ProgramStacks current() {
        Object deployment;
        try {
            deployment = Deployment.getInstance();
        } catch (RuntimeException e) {
            return new ProgramStacks();
        }
        synchronized (BY_DEPLOYMENT) {
            return BY_DEPLOYMENT.computeIfAbsent(deployment, d -> new ProgramStacks());
        }
    }

    /**
     * Records stack {@code name} and the physical names it claims; returns the problems with stacks recorded
     * before it: the same stack name, or a physical name another stack claims in the same scope.
     */
    synchronized List<Problem> claim(String name, Set<PhysicalName> names) {
        List<Problem> problems = new ArrayList<>();
        if (stacks.containsKey(name)) {
            problems.add(Problem.of("CodeZeroStack(name)", name, "another CodeZeroStack of this program has this name; every resource"
                    + " name of a stack starts with it, so each stack needs its own name"));
        }
        // the same stack twice claims the same names again: one problem says it
        stacks.forEach((other, claimed) -> {
            if (other.equals(name)) {
                return;
            }
            for (PhysicalName mine : names) {
                claimed.stream().filter(mine::collidesWith).findFirst().ifPresent(theirs -> problems.add(Problem.of(mine.field(), mine.input(),
                        "names the " + mine.kind() + " \"" + mine.name() + "\" in " + mine.scope() + ", as stack '" + other
                                + "' of this program does; there can be only one there, so the second would fail at deploy time:"
                                + " give the stacks different values")));
            }
        });
        stacks.putIfAbsent(name, Set.copyOf(names));
        return problems;
    }

    /**
     * Records that stack {@code name} exports {@code keys}; returns a problem when another stack exported any of
     * them already ({@code exportTo(ctx)} twice, or the same prefix twice).
     */
    synchronized List<Problem> export(String name, String prefix, List<String> keys) {
        for (String key : keys) {
            String other = exportedBy.get(key);
            if (other != null) {
                String call = prefix == null ? "exportTo(ctx)" : "exportTo(ctx, prefix)";
                return List.of(Problem.of(call, prefix == null ? "" : prefix, "stack '" + other + "' already exported " + key
                        + (other.equals(name) ? "" : " (stack '" + name + "' would overwrite it)")
                        + "; export each stack under its own prefix, e.g. exportTo(ctx, \"" + name.replaceAll("[^A-Za-z0-9]", "") + "\")"));
            }
        }
        keys.forEach(key -> exportedBy.put(key, name));
        return List.of();
    }
}
