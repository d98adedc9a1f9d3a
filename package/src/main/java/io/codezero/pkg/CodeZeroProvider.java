package io.codezero.pkg;

import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import com.pulumi.core.internal.Internal;
import com.pulumi.exceptions.RunException;
import io.codezero.core.validation.SpecValidationException;
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
        CodeZeroStack stack;
        try {
            stack = new CodeZeroStack(request.getName(), StackConstruction.args(request.getName(), request.getInputs()),
                    request.getOptions());
        } catch (SpecValidationException e) {
            // a bad input: CodeZero's problem list, before anything registers. The SDK prints a RunException's message
            // alone; any other exception comes with a Java stack trace the YAML or Python user has no use for.
            throw new RunException(e.getMessage());
        }
        return StackConstruction.state(stack).thenCompose(state -> Internal.of(stack.urn()).getValueNullable()
                .thenApply(urn -> new ConstructResponse(urn, state, Map.of())));
    }
}
