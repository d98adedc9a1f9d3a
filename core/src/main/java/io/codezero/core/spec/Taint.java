package io.codezero.core.spec;

/** A node taint; the effect is kept as text so validation can report a misspelt one. */
public record Taint(String key, String value, String effect) {

    public static Taint of(String key, String value, TaintEffect effect) {
        return new Taint(key, value, effect.name());
    }

    public boolean hasKnownEffect() {
        for (TaintEffect e : TaintEffect.values()) {
            if (e.name().equals(effect)) {
                return true;
            }
        }
        return false;
    }
}
