package io.codezero.core.target;

import com.pulumi.resources.Resource;
import java.util.Objects;

/**
 * Where a target registers its resources: under the stack's component, with names that carry the
 * stack's name, so several stacks (one per region or cloud) live in one program without two
 * resources sharing a URN.
 *
 * @param stackName the owning stack's name; prefixes every child resource name
 * @param parent    the component every top-level resource of the target is parented to; null
 *                  only when a target is used on its own, outside a stack
 */
public record TargetContext(String stackName, Resource parent) {
    /**
     * Checks the stack's name.
     *
     * @param stackName the owning stack's name
     * @param parent    the component top-level resources are parented to, or null
     */
    public TargetContext {
        Objects.requireNonNull(stackName, "stackName");
    }

    /**
     * A context for a target used outside a stack (tests, tools): the given name, no parent.
     *
     * @param stackName the name that prefixes every resource name
     * @return the context
     */
    public static TargetContext standalone(String stackName) {
        return new TargetContext(stackName, null);
    }

    /**
     * A child resource name unique within the program: {@code <stack>-<local>}.
     *
     * @param local the resource's name within the stack
     * @return the name to register it with
     */
    public String name(String local) {
        return stackName + "-" + local;
    }
}
