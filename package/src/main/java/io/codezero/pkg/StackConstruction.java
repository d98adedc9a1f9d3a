package io.codezero.pkg;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterHandles;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.validation.Problem;
import io.codezero.platform.PlatformConfig;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CodeZeroStackArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Builds a {@link CodeZeroStack} from a package's inputs with the readers the {@code codezero:} config goes through
 * ({@link ClusterSpecConfig}, {@link PlatformConfig}, and the chosen target's: {@link TargetInputs}), so a YAML, Python or
 * TypeScript program gets exactly the checks and problems of a Java program, with paths as the inputs are written
 * ({@code platform.istio.mode}, {@code cluster.nodePools[0].maxNodes}).
 */
final class StackConstruction {
    private StackConstruction() {
    }

    /**
     * The args the inputs describe, with every problem found reading them.
     *
     * @param name   the resource's name (the cluster's name when {@code cluster.name} is not given)
     * @param inputs the construct request's inputs
     * @return the args; {@link CodeZeroStack} reports their problems before it registers anything
     */
    static CodeZeroStackArgs args(String name, Map<String, PropertyValue> inputs) {
        List<Problem> secretProblems = new ArrayList<>();
        CodeZeroStackArgs args = args(name, inputs, new CallerSecrets(secretProblems));
        if (secretProblems.isEmpty()) {
            return args;
        }
        return args.toBuilder().inputProblems(secretProblems).build();  // appended to the readers' problems
    }

    /**
     * {@link #args(String, Map)} with the secret config keys a bare-metal section names read through {@code secrets}.
     *
     * @param name    the resource's name
     * @param inputs  the construct request's inputs
     * @param secrets the secret config keys' lookup
     * @return the args
     */
    static CodeZeroStackArgs args(String name, Map<String, PropertyValue> inputs, io.codezero.baremetal.BareMetalConfig.SecretLookup secrets) {
        PlainInputs plain = PlainInputs.of(inputs);
        Map<String, Object> top = new LinkedHashMap<>(plain.values());
        List<Problem> problems = new ArrayList<>(plain.problems());
        problems.addAll(plain.unknownProblems(java.util.Set.of(KubeconfigInput.KEY)));
        KubeconfigInput kubeconfig = KubeconfigInput.take(plain, top);
        ConfigObject root = ConfigObject.root("", top);
        ConfigObject cluster = section(root, "cluster", plain);
        ConfigObject platform = section(root, "platform", plain);
        ClusterSpec spec = ClusterSpecConfig.read(cluster, name);
        PlatformConfig platformConfig = PlatformConfig.read(platform);
        ClusterTarget target = TargetInputs.read(root, top, plain, kubeconfig, secrets);
        root.rejectUnknownKeys();
        problems.addAll(root.problems());
        problems.addAll(cluster.problems());
        problems.addAll(platform.problems());
        return CodeZeroStackArgs.builder()
                .target(target)
                .cluster(spec)
                .settings(platformConfig.settings())
                .layers(platformConfig.layers())
                .apps(platformConfig.apps())
                .inputProblems(PythonPaths.withPythonNames(problems))
                .build();
    }

    /**
     * A section ({@code cluster}, {@code platform}) as its own config object, secret when a secret was anywhere in it (as
     * a {@code codezero:} key set with {@code --secret}); a value that is no object is a problem of the root's.
     */
    @SuppressWarnings("unchecked")
    private static ConfigObject section(ConfigObject root, String key, PlainInputs plain) {
        Object raw = plain.values().get(key);
        if (raw instanceof Map<?, ?> map) {
            root.has(key);  // counts as read
            return ConfigObject.root(key, (Map<String, Object>) map, plain.isSecret(key));
        }
        root.object(key);  // reports a value that is not an object, or a key given with no value
        return ConfigObject.root(key, Map.of(), plain.isSecret(key));
    }

    /**
     * The component's outputs as construct returns them: the kubeconfig a secret, values not known yet (preview) computed.
     *
     * @param stack the constructed stack
     * @return the state, when every output has settled
     */
    static CompletableFuture<Map<String, PropertyValue>> state(CodeZeroStack stack) {
        Map<String, PropertyValue> state = new java.util.concurrent.ConcurrentHashMap<>();
        CompletableFuture<Void> kubeconfig = value(stack.kubeconfig(), true).thenAccept(v -> state.put("kubeconfig", v));
        CompletableFuture<Void> gateway = value(stack.gatewayAddress(), false).thenAccept(v -> state.put("gatewayAddress", v));
        CompletableFuture<Void> consoles = value(stack.consoleUrls(), false).thenAccept(v -> state.put("consoleUrls", v));
        // the handles every target answers, as plain values: the SDK's provider path sends no resource references back
        ClusterHandles handles = stack.handles(ClusterHandles.class);
        CompletableFuture<Void> clusterName = value(handles.clusterName(), false).thenAccept(v -> state.put("clusterName", v));
        CompletableFuture<Void> endpoint = value(handles.endpoint(), false).thenAccept(v -> state.put("endpoint", v));
        List<CompletableFuture<Void>> all = new ArrayList<>(List.of(kubeconfig, gateway, consoles, clusterName, endpoint));
        TargetHandles.of(handles).ifPresent(target -> {
            Map<String, PropertyValue> object = new java.util.concurrent.ConcurrentSkipListMap<>();
            target.getValue().forEach((key, output) -> all.add(value(output, false).thenAccept(v -> object.put(key, v))));
            all.add(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenAccept(x -> state.put(target.getKey(), PropertyValue.of(new LinkedHashMap<>(object)))));
        });
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> state);
    }

    private static <T> CompletableFuture<PropertyValue> value(Output<T> output, boolean secret) {
        return Internal.of(output).getDataAsync().thenApply((OutputData<T> data) -> {
            PropertyValue value = data.isKnown() ? property(data.getValueNullable()) : PropertyValue.COMPUTED;
            return secret || data.isSecret() ? PropertyValue.ofSecret(value) : value;
        });
    }

    private static PropertyValue property(Object value) {
        if (value == null) {
            return PropertyValue.NULL;
        }
        if (value instanceof String s) {
            return PropertyValue.of(s);
        }
        if (value instanceof List<?> list) {
            return PropertyValue.of(list.stream().map(StackConstruction::property).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, PropertyValue> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), property(v)));
            return PropertyValue.of(out);
        }
        return PropertyValue.of(String.valueOf(value));
    }
}
