package io.codezero.digitalocean;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.TargetContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * What the engine is told when each resource registers (options such as replaceOnChanges,
 * ignoreChanges, custom timeouts, which the mock engine's inputs do not show), keyed {@code type::name}.
 */
final class Registrations {
    private Registrations() {
    }

    static Map<String, RegisterResourceRequest> of(ClusterSpec spec, DigitalOceanTargetArgs args) {
        return of(spec, args, cluster -> { });
    }

    static Map<String, RegisterResourceRequest> of(ClusterSpec spec, DigitalOceanTargetArgs args, Consumer<ProvisionedCluster> inspect) {
        Map<String, RegisterResourceRequest> requests = new ConcurrentHashMap<>();
        var mocks = DigitalOceanPlanMocks.create();
        try {
            var result = com.pulumi.test.internal.PulumiTestInternal.builder()
                    .options(com.pulumi.test.TestOptions.builder().projectName("codezero").stackName("dev").build())
                    .mocks(mocks)
                    .monitorDecorator(original -> new com.pulumi.test.internal.MockMonitor(mocks, com.pulumi.Log.ignore()) {
                        @Override
                        public java.util.concurrent.CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
                                com.pulumi.resources.Resource resource, RegisterResourceRequest request) {
                            requests.put(request.getType() + "::" + request.getName(), request);
                            return super.registerResourceAsync(resource, request);
                        }
                    })
                    .build()
                    .runTest(ctx -> {
                        var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
                        inspect.accept(new DigitalOceanTarget(args).provision(spec, new TargetContext(spec.name(), stack)));
                    });
            if (!result.exceptions().isEmpty()) {
                throw new AssertionError("the program failed", result.exceptions().get(0));
            }
        } finally {
            com.pulumi.test.internal.PulumiTestInternal.cleanup();
        }
        return requests;
    }
}
