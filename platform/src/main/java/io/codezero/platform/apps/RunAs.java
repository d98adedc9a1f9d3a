package io.codezero.platform.apps;

/**
 * The unprivileged user and group an app's container runs as; the group also owns its volumes (fsGroup).
 * Never 0: the namespace's Pod Security level ({@code restricted}) refuses root.
 */
public record RunAs(long user, long group) {
    /** For images CodeZero knows nothing about: above 10000, so it matches no user in a node's own user table. */
    public static final RunAs DEFAULT = new RunAs(10001, 10001);
}
