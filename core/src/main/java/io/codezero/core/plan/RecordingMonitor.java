package io.codezero.core.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, plus a record of every registration as the engine receives it: parent,
 * provider, dependencies and raw inputs with their secret markers. {@link Mocks} alone sees none of these.
 */
final class RecordingMonitor extends MockMonitor {
    private final List<PlannedResource> planned = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> urns = Collections.synchronizedSet(new HashSet<>());

    RecordingMonitor(Mocks mocks) {
        super(mocks, Log.ignore());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            // The real engine refuses a second resource with the same URN (two stacks naming a child alike); so does this one.
            if (!urns.add(response.getUrn())) {
                throw new IllegalStateException("Duplicate resource URN '" + response.getUrn() + "'; try giving it a unique name");
            }
            Set<String> secretPaths = new HashSet<>();
            Map<String, Object> inputs = StructValues.toMap(request.getObject(), "", secretPaths);
            Set<String> dependencies = new java.util.LinkedHashSet<>(request.getDependenciesList());
            request.getPropertyDependenciesMap().values().forEach(d -> dependencies.addAll(d.getUrnsList()));
            planned.add(new PlannedResource(request.getType(), request.getName(), response.getUrn(),
                    request.getParent().isEmpty() ? null : request.getParent(), request.getCustom(), providerUrn(request.getProvider()),
                    List.copyOf(dependencies), inputs, Set.copyOf(secretPaths),
                    request.getVersion().isEmpty() ? null : request.getVersion(),
                    List.copyOf(request.getIgnoreChangesList()), request.getProtect(), List.copyOf(request.getReplaceOnChangesList()),
                    request.getDeleteBeforeReplace()));
            return response;
        });
    }

    /** A provider reference is "urn::id"; the URN itself contains "::", so cut at the last one. */
    private static String providerUrn(String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        int cut = reference.lastIndexOf("::");
        return cut > 0 ? reference.substring(0, cut) : reference;
    }

    List<PlannedResource> planned() {
        synchronized (planned) {
            return List.copyOf(planned);
        }
    }
}
