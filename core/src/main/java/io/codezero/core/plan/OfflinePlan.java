package io.codezero.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the program runs under {@code codezero plan} (the mock engine, nothing deployed), and what
 * targets want the plan's reader to know about choices made only because of that, such as planning
 * an existing-cluster stack against a sample kubeconfig on a machine that has none. Targets ask
 * {@link #active()}; the plan command sets it and prints the notes, and knows no target's keys.
 */
public final class OfflinePlan {
    public static final String PROPERTY = "codezero.offlinePlan";
    private static final List<String> NOTES = new ArrayList<>();

    private OfflinePlan() {
    }

    public static boolean active() {
        return Boolean.getBoolean(PROPERTY);
    }

    public static synchronized void note(String note) {
        if (!NOTES.contains(note)) {
            NOTES.add(note);
        }
    }

    public static synchronized List<String> notes() {
        return List.copyOf(NOTES);
    }
}
