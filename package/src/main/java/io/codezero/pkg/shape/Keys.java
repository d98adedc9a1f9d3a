package io.codezero.pkg.shape;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The keys a map-typed shape field takes, when the reader accepts only these. Used where a key is no identifier in
 * every language ({@code ephemeral-storage}), so the schema types the field as a map of text and names the keys in its
 * description; {@code SchemaMatchesConfigTest} holds the list to the reader's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Keys {
    /** @return the keys the reader accepts, in the reader's words */
    String[] value();
}
