package io.codezero.platform;

import java.util.Objects;

/**
 * Something a layer or app offers to others, named by the type of fact it hands over (the mesh, an
 * issuer, Prometheus) and, where several may exist, a qualifier (the app that offers interfaces).
 * The installer matches requirements to capabilities, never names of layers.
 *
 * @param fact      the fact's type, as returned by {@link InstalledLayer#fact(Class)}
 * @param qualifier empty for facts one stack has at most one of; the offering app's name otherwise
 */
public record Capability(Class<?> fact, String qualifier) {
    /** Refuses a missing fact type; a missing qualifier is empty. */
    public Capability {
        Objects.requireNonNull(fact, "fact");
        qualifier = Objects.requireNonNullElse(qualifier, "");
    }

    /** The capability of a fact one stack has at most one of (the mesh, Prometheus). */
    public static Capability of(Class<?> fact) {
        return new Capability(fact, "");
    }

    /** The capability of one of several facts of a type, e.g. app "db"'s interfaces. */
    public static Capability of(Class<?> fact, String qualifier) {
        return new Capability(fact, qualifier);
    }

    @Override
    public String toString() {
        return fact.getSimpleName() + (qualifier.isEmpty() ? "" : "[" + qualifier + "]");
    }
}
