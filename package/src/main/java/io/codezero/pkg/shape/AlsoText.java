package io.codezero.pkg.shape;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an object-typed shape field that also takes a word instead of the object (a startup probe takes {@code none}):
 * the schema types it as one of text or the object.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AlsoText {
}
