package io.codezero.pkg.shape;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The description a shape field or type carries into the package schema (and so into every generated SDK's docs). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Doc {
    /** @return the description, one or two sentences */
    String value();
}
