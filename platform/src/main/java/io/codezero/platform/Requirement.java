package io.codezero.platform;

import java.util.Objects;

/**
 * What a layer or app needs from others. A mandatory requirement nobody offers is a problem found
 * before anything is registered; an optional one (e.g. "use the mesh if there is one") only orders
 * the installer: whoever offers it is installed first.
 *
 * @param capability what is needed
 * @param mandatory  whether the stack is invalid without it
 * @param field      where the user asked for it (e.g. {@code platform.apps[git].links[0]}), for problems
 * @param fix        what the user can do when nobody offers it
 */
public record Requirement(Capability capability, boolean mandatory, String field, String fix) {
    /** Refuses a missing capability. */
    public Requirement {
        Objects.requireNonNull(capability, "capability");
    }

    /** Needed: the stack is refused without it. */
    public static Requirement needs(Capability capability, String field, String fix) {
        return new Requirement(capability, true, field, fix);
    }

    /** Needed, a fact one stack has at most one of: the stack is refused without it, with {@code fix}. */
    public static Requirement needs(Class<?> fact, String field, String fix) {
        return needs(Capability.of(fact), field, fix);
    }

    /** Used when present: its offerer is installed first. */
    public static Requirement uses(Class<?> fact) {
        return new Requirement(Capability.of(fact), false, null, null);
    }
}
