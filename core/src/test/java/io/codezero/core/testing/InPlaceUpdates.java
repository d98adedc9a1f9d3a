package io.codezero.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Compares two offline runs of programs that should update every resource in place: same
 * resources under the same URNs, and for every custom resource the inputs whose change makes the
 * provider replace it (the target's REPLACE_ON_CHANGE table, by type) identical. Returns what did
 * change, per resource, for the target's own assertions.
 */
public final class InPlaceUpdates {
    private final Map<String, List<String>> replaceOnChange;
    private final Predicate<PlannedResource> mustBeListed;
    private final boolean honourIgnoreChanges;
    private final BiConsumer<PlannedResource, PlannedResource> alsoCheck;

    private InPlaceUpdates(Map<String, List<String>> replaceOnChange, Predicate<PlannedResource> mustBeListed,
                           boolean honourIgnoreChanges, BiConsumer<PlannedResource, PlannedResource> alsoCheck) {
        this.replaceOnChange = replaceOnChange;
        this.mustBeListed = mustBeListed;
        this.honourIgnoreChanges = honourIgnoreChanges;
        this.alsoCheck = alsoCheck;
    }

    /** Every registered custom resource type must be listed in {@code replaceOnChange}. */
    public static InPlaceUpdates of(Map<String, List<String>> replaceOnChange) {
        return new InPlaceUpdates(replaceOnChange, r -> true, false, (a, b) -> { });
    }

    /** Only types of resources matching {@code which} must be listed (e.g. one provider's package). */
    public InPlaceUpdates listing(Predicate<PlannedResource> which) {
        return new InPlaceUpdates(replaceOnChange, which, honourIgnoreChanges, alsoCheck);
    }

    /**
     * Inputs a resource tells the engine to ignore after creation are left out of its
     * replace-on-change inputs, and its ignored inputs must themselves stay the same.
     */
    public InPlaceUpdates honouringIgnoreChanges() {
        return new InPlaceUpdates(replaceOnChange, mustBeListed, true, alsoCheck);
    }

    /** One more assertion on every pair (before, after) of custom resources. */
    public InPlaceUpdates alsoChecking(BiConsumer<PlannedResource, PlannedResource> check) {
        return new InPlaceUpdates(replaceOnChange, mustBeListed, honourIgnoreChanges, check);
    }

    /** Asserts nothing would be replaced, created or deleted; returns the changed input paths per resource ({@code type::name}). */
    public Map<String, Set<String>> assertInPlace(OfflineRun before, OfflineRun after) {
        assertThat(before.succeeded()).as(before.failure()).isTrue();
        assertThat(after.succeeded()).as(after.failure()).isTrue();
        Map<String, PlannedResource> old = byUrn(before);
        Map<String, PlannedResource> now = byUrn(after);
        assertThat(now.keySet()).as("same resources, same names: nothing created or deleted").isEqualTo(old.keySet());

        Set<String> registeredTypes = now.values().stream().filter(r -> r.custom() && !r.isProvider() && mustBeListed.test(r))
                .map(PlannedResource::type).collect(Collectors.toCollection(TreeSet::new));
        assertThat(replaceOnChange.keySet()).as("every registered type has its replace-on-change inputs listed")
                .containsAll(registeredTypes);

        Map<String, Set<String>> changed = new TreeMap<>();
        for (var entry : now.entrySet()) {
            PlannedResource a = old.get(entry.getKey());
            PlannedResource b = entry.getValue();
            if (!b.custom() || b.isProvider()) {
                continue;
            }
            if (honourIgnoreChanges) {
                assertThat(b.ignoreChanges()).as("ignored inputs of " + b).isEqualTo(a.ignoreChanges());
            }
            assertThat(replacementInputs(b)).as("replace-on-change inputs of " + b).isEqualTo(replacementInputs(a));
            alsoCheck.accept(a, b);
            Set<String> diff = diff(flatten(a.inputs()), flatten(b.inputs()));
            if (!diff.isEmpty()) {
                changed.put(b.type() + "::" + b.name(), diff);
            }
        }
        return changed;
    }

    /** The replace-on-change inputs of a resource (minus ignored ones when {@link #honouringIgnoreChanges()}). */
    public Map<String, Object> replacementInputs(PlannedResource r) {
        Map<String, Object> out = new TreeMap<>();
        for (String path : replaceOnChange.getOrDefault(r.type(), List.of())) {
            if (!honourIgnoreChanges
                    || r.ignoreChanges().stream().noneMatch(ignored -> path.equals(ignored) || path.startsWith(ignored + "."))) {
                out.put(path, r.input(path));
            }
        }
        return out;
    }

    /** Every resource of a run by its URN, in registration order. */
    public static Map<String, PlannedResource> byUrn(OfflineRun run) {
        Map<String, PlannedResource> out = new LinkedHashMap<>();
        run.resources().forEach(r -> out.put(r.urn(), r));
        return out;
    }

    private static Set<String> diff(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(k -> !Objects.equals(a.get(k), b.get(k))).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Inputs as dotted paths to leaf values (lists of objects indexed: {@code agentPoolProfiles.0.count}). */
    public static Map<String, Object> flatten(Map<String, Object> inputs) {
        Map<String, Object> out = new TreeMap<>();
        flatten("", inputs, out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "." + i, list.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }
}
