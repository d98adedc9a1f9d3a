package io.codezero.pkg.shape;

/**
 * A settings object the schema does not spell out key by key (type {@code pulumi.json#/Any}): its keys are checked by
 * CodeZero's reader when the stack is constructed, with the same problems as the {@code codezero:} config.
 */
public final class FreeForm {
    private FreeForm() {
    }
}
