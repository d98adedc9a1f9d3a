package io.codezero.azure;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource options each resource registers with, as the SDK hands them to the engine: a
 * transformation on the stand-in stack component (children inherit it) records them and changes
 * nothing. The offline plan's records keep ignoreChanges and protect; this adds replaceOnChanges and
 * deleteBeforeReplace.
 */
final class RegisteredOptions implements ResourceTransformation {
    /** What one resource registered with. */
    record Options(List<String> replaceOnChanges, boolean deleteBeforeReplace, boolean protect, List<String> ignoreChanges) {
    }

    private final Map<String, Options> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Result> apply(Args args) {
        ResourceOptions options = args.options();
        boolean deleteFirst = options instanceof CustomResourceOptions custom && custom.getDeleteBeforeReplace();
        byKey.put(args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName(), new Options(
                List.copyOf(options.getReplaceOnChanges()), deleteFirst, options.isProtect(), List.copyOf(options.getIgnoreChanges())));
        return Optional.empty();
    }

    Options of(String type, String name) {
        return Optional.ofNullable(byKey.get(type + "::" + name)).orElseThrow(() -> new AssertionError("no " + type + " " + name + " registered; have " + byKey.keySet()));
    }

    Map<String, Options> all() {
        return Map.copyOf(byKey);
    }
}
