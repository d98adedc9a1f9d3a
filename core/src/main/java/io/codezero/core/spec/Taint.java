package io.codezero.core.spec;

/** A node taint; the effect is kept as text so validation can report a misspelt one. */
public record Taint(String key, String value, String effect) {

    /**
     * A taint with a known effect.
     *
     * @param key the taint key, [prefix/]name
     * @param value the taint value, may be empty
     * @param effect the effect
     * @return the taint
     */
    public static Taint of(String key, String value, TaintEffect effect) {
        return new Taint(key, value, effect.name());
    }

    /**
     * Whether the effect is one Kubernetes knows (validation reports others).
     *
     * @return true for NoSchedule, PreferNoSchedule or NoExecute
     */
    public boolean hasKnownEffect() {
        for (TaintEffect e : TaintEffect.values()) {
            if (e.name().equals(effect)) {
                return true;
            }
        }
        return false;
    }
}
