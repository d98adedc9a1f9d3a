package io.codezero.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code StackReference} reads in an offline run. The mock engine has no other stacks, so a
 * referenced stack's outputs are unknown (a plan shows them as known after deploy) unless a value
 * was given for that stack; a stack given values has exactly those outputs, as a real stack has
 * exactly what it exported. Which stacks the program referenced is recorded for the plan to report.
 */
public final class StackReferenceOutputs {
    /** The engine's type token of a stack reference, read (never created) by the real engine. */
    public static final String TYPE = "pulumi:pulumi:StackReference";

    private final Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    private final Map<String, Set<String>> secrets = new LinkedHashMap<>();
    private final Set<String> referenced = new LinkedHashSet<>();

    /**
     * Gives output {@code key} of stack {@code stack} (as the program names it, e.g.
     * {@code acme/network/prod}) the value {@code value}; a secret one reads as a Pulumi secret.
     */
    public synchronized StackReferenceOutputs put(String stack, String key, Object value, boolean secret) {
        values.computeIfAbsent(stack, s -> new LinkedHashMap<>()).put(key, value);
        if (secret) {
            secrets.computeIfAbsent(stack, s -> new LinkedHashSet<>()).add(key);
        }
        return this;
    }

    /** The stacks the program referenced so far, in the order it referenced them. */
    public synchronized List<String> referenced() {
        return List.copyOf(referenced);
    }

    /** The stacks given at least one value. */
    public synchronized Set<String> given() {
        return Set.copyOf(values.keySet());
    }

    /**
     * The state the engine hands back for a reference to {@code stack}: its name, its outputs and the
     * names of its secret outputs, each unknown when no value was given for the stack.
     */
    synchronized Map<String, Object> state(String stack) {
        referenced.add(stack);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", stack);
        Map<String, Object> outputs = values.get(stack);
        if (outputs == null) {
            state.put("outputs", StructValues.UNKNOWN);
            state.put("secretOutputNames", StructValues.UNKNOWN);
        } else {
            state.put("outputs", new LinkedHashMap<>(outputs));
            state.put("secretOutputNames", new ArrayList<>(secrets.getOrDefault(stack, Set.of())));
        }
        return state;
    }
}
