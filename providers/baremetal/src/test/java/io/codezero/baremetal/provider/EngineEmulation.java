package io.codezero.baremetal.provider;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;

/**
 * Drives the provider with the node resources a program registered (an {@link OfflineRun} of
 * BareMetalTarget), scheduled as the Pulumi engine schedules a {@code pulumi up}: a node's
 * Check/Diff/Create-or-Update starts once every node it depends on is done, independent nodes run at
 * once, a failed node's dependents are skipped and no new step starts after a failure; a resource that
 * failed with a partial state keeps it (and is updated on the next run, as an init error). The state
 * carries over between {@link #up} calls like a stack's.
 */
final class EngineEmulation implements AutoCloseable {
    private final Map<String, Struct> states = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final Set<String> initErrors = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    /**
     * What one `pulumi up` did to each node: "created", "updated", "same", "skipped" or "failed: <message>".
     * Give each run its own provider, as the engine starts the plugin afresh for each `pulumi up`.
     */
    Map<String, String> up(OfflineRun run, ProviderClient provider) {
        return up(run, provider, false);
    }

    /**
     * One `pulumi up` of the program as CodeZero registered it before it chose join tokens up front: no
     * JoinToken, the first server without a token (k3s drew one) and every join taking the first server's
     * clusterToken output, so waiting for it. What a stack made then holds in its state.
     */
    Map<String, String> upAsBeforeJoinTokens(OfflineRun run, ProviderClient provider) {
        return up(run, provider, true);
    }

    private Map<String, String> up(OfflineRun run, ProviderClient provider, boolean beforeJoinTokens) {
        List<PlannedResource> nodes = run.where(r -> r.type().equals(ResourceTokens.SERVER_NODE) || r.type().equals(ResourceTokens.AGENT_NODE)
                || (r.type().equals(ResourceTokens.JOIN_TOKEN) && !beforeJoinTokens));
        Map<String, String> outcome = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Boolean>> done = new HashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        // Registration order puts dependencies first (a node cannot register before what it depends on).
        for (PlannedResource node : nodes) {
            List<CompletableFuture<Boolean>> deps = new ArrayList<>();
            for (PlannedResource other : nodes) {
                // A node's token input comes from the JoinToken's output: the engine waits for it as for any dependency.
                boolean joins = PLANNED_JOIN_TOKEN.equals(node.inputs().get("token")) && !Boolean.TRUE.equals(node.inputs().get("clusterInit"));
                boolean tokenFrom = beforeJoinTokens ? joins && Boolean.TRUE.equals(other.inputs().get("clusterInit"))
                        : other.type().equals(ResourceTokens.JOIN_TOKEN) && PLANNED_JOIN_TOKEN.equals(node.inputs().get("token"));
                if (other != node && (run.dependsOn(node, other) || tokenFrom)) {
                    deps.add(done.get(other.name()));
                }
            }
            CompletableFuture<Boolean> mine = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(x -> {
                if (failed.get() || deps.stream().anyMatch(d -> !d.join())) {
                    outcome.put(node.name(), "skipped");
                    return false;
                }
                try {
                    outcome.put(node.name(), step(node, provider, beforeJoinTokens));
                    return true;
                } catch (StatusRuntimeException e) {
                    failed.set(true);
                    keepPartialState(node.name(), e);
                    outcome.put(node.name(), "failed: " + e.getStatus().getDescription());
                    return false;
                }
            }, pool);
            done.put(node.name(), mine);
        }
        done.values().forEach(CompletableFuture::join);
        return new LinkedHashMap<>(outcome);
    }

    private String step(PlannedResource node, ProviderClient provider, boolean beforeJoinTokens) {
        Map<String, Object> inputs = inputsOf(node, beforeJoinTokens);
        Struct old = states.get(node.name());
        Map<String, Object> olds = old == null ? Map.of() : PropertyValues.fromStruct(old);
        Struct checked = provider.check(node.type(), node.name(), olds, inputs).getInputs();
        if (old == null) {
            var created = provider.create(node.type(), node.name(), checked);
            states.put(node.name(), created.getProperties());
            ids.put(node.name(), created.getId());
            return "created";
        }
        DiffResponse diff = provider.diff(node.type(), node.name(), ids.get(node.name()), olds, PropertyValues.fromStruct(checked));
        if (diff.getChanges() != DiffResponse.DiffChanges.DIFF_SOME && !initErrors.contains(node.name())) {
            return "same";
        }
        var updated = provider.update(node.type(), node.name(), ids.get(node.name()), old, checked);
        states.put(node.name(), updated.getProperties());
        initErrors.remove(node.name());
        return "updated";
    }

    /** What BareMetalPlanMocks answers for a JoinToken's value. */
    static final String PLANNED_JOIN_TOKEN = "planned-join-token";

    /**
     * The planned inputs, with the join token really settled (the JoinToken's value) or produced (the first
     * server's clusterToken) in place of the plan's stand-in values; a token the program gave stays.
     */
    private Map<String, Object> inputsOf(PlannedResource node, boolean beforeJoinTokens) {
        Map<String, Object> inputs = new LinkedHashMap<>(node.inputs());
        if (beforeJoinTokens && PLANNED_JOIN_TOKEN.equals(inputs.get("token"))) {
            if (Boolean.TRUE.equals(inputs.get("clusterInit"))) {
                inputs.remove("token");
            } else {
                inputs.put("token", "K10planned");
            }
        }
        if (PLANNED_JOIN_TOKEN.equals(inputs.get("token"))) {
            Struct token = states.entrySet().stream().filter(e -> PropertyValues.fromStruct(e.getValue()).containsKey("adopted"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no join token in the state yet"));
            inputs.put("token", PropertyValues.fromStruct(token).get("value"));
        } else if (String.valueOf(inputs.get("token")).startsWith("K10planned")) {
            Struct init = states.values().stream().filter(s -> Boolean.TRUE.equals(PropertyValues.fromStruct(s).get("clusterInit")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no first server in the state yet"));
            inputs.put("token", PropertyValues.fromStruct(init).get("clusterToken"));
        }
        return inputs;
    }

    private void keepPartialState(String name, StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorResourceInitFailed.class)) {
                try {
                    ErrorResourceInitFailed partial = detail.unpack(ErrorResourceInitFailed.class);
                    states.put(name, partial.getProperties());
                    ids.put(name, partial.getId());
                    initErrors.add(name);
                } catch (InvalidProtocolBufferException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    Struct state(String name) {
        return states.get(name);
    }

    String id(String name) {
        return ids.get(name);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
