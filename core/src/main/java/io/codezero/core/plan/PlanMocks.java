package io.codezero.core.plan;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Mocks that make an offline run look like a plausible deployment: every resource echoes its inputs
 * and gets a stable id; targets and tests add computed outputs per type and answers per invoke. A
 * {@code StackReference} reads {@link #stackReferences()}: unknown outputs unless values were given.
 */
public class PlanMocks implements Mocks {
    private final StackReferenceOutputs stackReferences = new StackReferenceOutputs();
    private final Map<String, Function<ResourceArgs, Map<String, Object>>> outputsByType = new HashMap<>();
    private final Map<String, Function<CallArgs, Map<String, Object>>> invokes = new HashMap<>();
    private final Map<String, Function<ResourceArgs, String>> idsByType = new HashMap<>();

    /** Extra outputs for a resource type, merged over the echoed inputs. */
    public PlanMocks outputs(String type, Function<ResourceArgs, Map<String, Object>> extra) {
        outputsByType.put(type, extra);
        return this;
    }

    /**
     * The provider id of resources of a type, where the cloud's ids carry meaning that other
     * resources read (Azure resource ids such as /subscriptions/.../virtualNetworks/x are parsed and
     * referenced). Without one, a resource's id is its name plus "-id".
     */
    public PlanMocks ids(String type, Function<ResourceArgs, String> id) {
        idsByType.put(type, id);
        return this;
    }

    /** The answer to an invoke (a data source such as aws:index/getAvailabilityZones:getAvailabilityZones). */
    public PlanMocks invoke(String token, Function<CallArgs, Map<String, Object>> answer) {
        invokes.put(token, answer);
        return this;
    }

    /** What stack references read in this run; give values here, read back which stacks were referenced. */
    public StackReferenceOutputs stackReferences() {
        return stackReferences;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        if (StackReferenceOutputs.TYPE.equals(args.type)) {
            // read with the referenced stack's name as its id; without these outputs the SDK fails on a null map
            state.putAll(stackReferences.state(args.id != null && !args.id.isEmpty() ? args.id : String.valueOf(args.inputs.get("name"))));
        }
        Function<ResourceArgs, Map<String, Object>> extra = outputsByType.get(args.type);
        if (extra != null) {
            state.putAll(extra.apply(args));
        }
        Function<ResourceArgs, String> idOf = idsByType.get(args.type);
        String id = args.id != null && !args.id.isEmpty() ? args.id : idOf != null ? idOf.apply(args) : args.name + "-id";
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Function<CallArgs, Map<String, Object>> answer = invokes.get(args.token);
        Map<String, Object> result = answer != null ? answer.apply(args) : new LinkedHashMap<>(args.args);
        return CompletableFuture.completedFuture(result);
    }
}
