package io.codezero.stacks;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import java.util.Optional;

/**
 * Options given to a stack that must reach every resource in it. The Java SDK passes transformations
 * and providers down to children but not {@code protect} or {@code retainOnDelete}; a user who protects
 * a stack means its cluster, its Helm releases and its volumes, so a transformation carries them down.
 */
final class InheritedOptions {
    private InheritedOptions() {
    }

    static ComponentResourceOptions of(ComponentResourceOptions options) {
        boolean protect = options.getProtect().orElse(false);
        boolean retain = options.getRetainOnDelete().orElse(false);
        if (!protect && !retain) {
            return options;
        }
        ResourceTransformation passDown = args -> {
            if (!(args.options() instanceof CustomResourceOptions custom)) {
                return Optional.empty();
            }
            CustomResourceOptions.Builder extra = CustomResourceOptions.builder();
            if (protect) {
                extra.protect(true);
            }
            if (retain) {
                extra.retainOnDelete(true);
            }
            return Optional.of(new ResourceTransformation.Result(args.args(), CustomResourceOptions.merge(custom, extra.build())));
        };
        return ComponentResourceOptions.merge(options, ComponentResourceOptions.builder().resourceTransformations(passDown).build());
    }
}
