package io.codezero.pkg;

import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import com.pulumi.core.internal.Internal;
import io.codezero.stacks.CodeZeroStack;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The package's provider: its schema ({@link PackageSchema}) and the construction of {@code codezero:index:Stack}
 * ({@link StackConstruction}). Served over gRPC by the Java SDK's {@code ResourceProviderService}; the engine calls
 * {@code Construct} inside a deployment of the SDK's, so the stack's children register with the calling program.
 */
final class CodeZeroProvider implements Provider {
    private final String version;

    /**
     * @param version the package version the schema states
     */
    CodeZeroProvider(String version) {
        this.version = version;
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return CompletableFuture.completedFuture(new GetSchemaResponse(PackageSchema.json(version)));
    }

    @Override
    public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
        if (!PackageSchema.STACK.equals(request.getType())) {
            throw new IllegalArgumentException("unknown component type " + request.getType() + "; this package has " + PackageSchema.STACK);
        }
        // a bad input throws SpecValidationException here, with CodeZero's problem list, before anything registers
        CodeZeroStack stack = new CodeZeroStack(request.getName(), StackConstruction.args(request.getName(), request.getInputs()),
                request.getOptions());
        return StackConstruction.state(stack).thenCompose(state -> Internal.of(stack.urn()).getValueNullable()
                .thenApply(urn -> new ConstructResponse(urn, state, Map.of())));
    }
}
