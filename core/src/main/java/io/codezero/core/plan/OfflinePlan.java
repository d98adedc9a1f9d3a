package io.codezero.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the program runs under {@code codezero plan} (the mock engine, nothing deployed), and what
 * targets want the plan's reader to know about choices made only because of that, such as planning
 * an existing-cluster stack against a sample kubeconfig on a machine that has none, or what the
 * platform wants the reader to know about a valid stack, such as routes that stay closed. Targets ask
 * {@link #active()}; the plan command sets it, starts each plan with no notes and prints them, and
 * knows no target's keys.
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

    /** Forgets the notes of an earlier plan in the same process. */
    public static synchronized void clearNotes() {
        NOTES.clear();
    }

    public static synchronized List<String> notes() {
        return List.copyOf(NOTES);
    }
}
