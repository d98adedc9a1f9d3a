package io.codezero.baremetal.provider;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.rpc.Code;
import io.codezero.baremetal.PluginVersion;
import io.codezero.baremetal.install.Coordination;
import io.codezero.baremetal.install.InstallFailure;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.baremetal.install.NodeRun;
import io.codezero.baremetal.install.PhaseFailure;
import io.codezero.baremetal.install.PhaseManager;
import io.codezero.baremetal.install.Phases;
import io.codezero.baremetal.install.Progress;
import io.codezero.baremetal.ssh.SshConnector;
import io.codezero.baremetal.ssh.SshFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

/**
 * The codezero resource provider: ServerNode and AgentNode, each one machine running k3s, managed
 * over SSH. Check validates inputs, Diff says what changes and whether it replaces, Create installs,
 * Read refreshes (detecting "not installed", "wrong version", "stopped"), Update upgrades in place
 * (drain before, uncordon after), Delete drains, uninstalls and removes the node.
 *
 * <p>Secrets (keys, passwords, tokens, kubeconfig) are always returned as secrets and never logged.
 */
public final class BareMetalProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    private final SshConnector ssh = new SshConnector();
    private final Coordination coordination = Coordination.forProcess(ssh);
    private final JoinTokens joinTokens = new JoinTokens(coordination.sessions());
    private final PhaseManager phases;
    private final EngineLog log;
    private final Progress tap;

    /**
     * @param engineAddress where the engine listens (for progress messages), or null
     * @param maxParallelHosts how many machines this process works on at once, across all resources
     */
    public BareMetalProvider(String engineAddress, int maxParallelHosts) {
        this(engineAddress, maxParallelHosts, Progress.silent());
    }

    /** @param tap also receives every progress message (tests use it to inject faults at a given phase) */
    public BareMetalProvider(String engineAddress, int maxParallelHosts, Progress tap) {
        this.log = new EngineLog(engineAddress);
        this.phases = new PhaseManager(new Semaphore(maxParallelHosts));
        this.tap = tap;
    }

    private Progress progress(String urn) {
        return (host, msg) -> {
            tap.report(host, msg);
            log.info(urn, host + ": " + msg);
        };
    }

    // ------------------------------------------------------------------ plugin and config

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> out) {
        reply(out, () -> PluginInfo.newBuilder().setVersion(PluginVersion.VALUE).build());
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> out) {
        reply(out, () -> GetSchemaResponse.newBuilder().setSchema(ProviderSchema.json()).build());
    }

    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> out) {
        // The provider has no configuration of its own: every connection detail is a resource input.
        reply(out, () -> CheckResponse.newBuilder().setInputs(request.getNews()).build());
    }

    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> out) {
        reply(out, () -> DiffResponse.newBuilder().setChanges(DiffResponse.DiffChanges.DIFF_NONE).build());
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> out) {
        reply(out, () -> ConfigureResponse.newBuilder().setAcceptSecrets(true).setSupportsPreview(false)
                .setAcceptResources(false).setAcceptOutputs(false).build());
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> out) {
        reply(out, Empty::getDefaultInstance);
    }

    // ------------------------------------------------------------------ Check and Diff

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> out) {
        reply(out, () -> {
            if (isJoinToken(request.getType(), request.getUrn())) {
                Map<String, Object> news = PropertyValues.fromStruct(request.getNews());
                CheckResponse.Builder response = CheckResponse.newBuilder().setInputs(PropertyValues.toStruct(markSecrets(news)));
                JoinTokens.check(news).forEach(f -> response.addFailures(CheckFailure.newBuilder().setProperty(f.property()).setReason(f.reason())));
                return response.build();
            }
            NodeRole role = NodeInputs.roleOf(typeOf(request.getType(), request.getUrn()));
            Map<String, Object> news = PropertyValues.fromStruct(request.getNews());
            String observed = stringOrNull(PropertyValues.fromStruct(request.getOlds()).get("observedHostKey"));
            NodeInputs.Parsed parsed = NodeInputs.parse(role, news, observed, false);
            CheckResponse.Builder response = CheckResponse.newBuilder().setInputs(PropertyValues.toStruct(markSecrets(news)));
            for (InputReader.Failure f : parsed.failures()) {
                response.addFailures(CheckFailure.newBuilder().setProperty(f.property()).setReason(f.reason()));
            }
            return response.build();
        });
    }

    @Override
    public void diff(DiffRequest request, StreamObserver<DiffResponse> out) {
        reply(out, () -> {
            if (isJoinToken(request.getType(), request.getUrn())) {
                // Settled once: a changed connection to the first server (a new key, another user) rotates nothing.
                return DiffResponse.newBuilder().setChanges(DiffResponse.DiffChanges.DIFF_NONE).build();
            }
            Map<String, Object> olds = PropertyValues.fromStruct(request.getOlds());
            Map<String, Object> news = PropertyValues.fromStruct(request.getNews());
            List<NodeDiff.Change> changes = NodeDiff.compute(olds, news);
            DiffResponse.Builder response = DiffResponse.newBuilder().setHasDetailedDiff(true)
                    .setChanges(changes.isEmpty() ? DiffResponse.DiffChanges.DIFF_NONE : DiffResponse.DiffChanges.DIFF_SOME);
            for (NodeDiff.Change c : changes) {
                String top = c.path().contains(".") ? c.path().substring(0, c.path().indexOf('.')) : c.path();
                if (!response.getDiffsList().contains(top)) {
                    response.addDiffs(top);
                }
                response.putDetailedDiff(c.path(), PropertyDiff.newBuilder()
                        .setKind(PropertyDiff.Kind.valueOf(c.kind().name())).setInputDiff(!c.path().equals("running")).build());
                if (c.kind().name().endsWith("REPLACE") && !response.getReplacesList().contains(top)) {
                    response.addReplaces(top);
                }
            }
            // A node name belongs to one machine at a time: remove the old node before the new one joins.
            response.setDeleteBeforeReplace(NodeDiff.replaces(changes));
            return response.build();
        });
    }

    // ------------------------------------------------------------------ CRUD

    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> out) {
        reply(out, () -> {
            if (isJoinToken(request.getType(), request.getUrn())) {
                Map<String, Object> inputs = PropertyValues.fromStruct(request.getProperties());
                return CreateResponse.newBuilder().setId(JoinTokens.id(inputs))
                        .setProperties(PropertyValues.toStruct(joinTokens.create(inputs, request.getUrn()))).build();
            }
            NodeRole role = NodeInputs.roleOf(typeOf(request.getType(), request.getUrn()));
            Map<String, Object> inputs = PropertyValues.fromStruct(request.getProperties());
            NodeInputs.Parsed parsed = requireValid(NodeInputs.parse(role, inputs, null, false), request.getUrn());
            NodeRun run = new NodeRun(parsed.spec(), progress(request.getUrn()));
            List<PhaseFailure> failures = phases.run(Phases.create(ssh, coordination), List.of(run));
            Map<String, Object> state = state(inputs, run, null);
            String id = nodeId(run);
            if (!failures.isEmpty()) {
                throw failed(new InstallFailure(failures).getMessage(), run.changedHost() ? id : null, state, inputs);
            }
            run.warnings().forEach(w -> log.warning(request.getUrn(), w));
            return CreateResponse.newBuilder().setId(id).setProperties(PropertyValues.toStruct(state)).build();
        });
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        reply(out, () -> {
            if (isJoinToken(request.getType(), request.getUrn())) {
                // Nothing on a machine to refresh: the token is what the state holds.
                return ReadResponse.newBuilder().setId(request.getId()).setProperties(request.getProperties())
                        .setInputs(request.getInputs()).build();
            }
            NodeRole role = NodeInputs.roleOf(typeOf(request.getType(), request.getUrn()));
            Map<String, Object> state = PropertyValues.fromStruct(request.getProperties());
            Map<String, Object> inputs = request.hasInputs() && request.getInputs().getFieldsCount() > 0
                    ? PropertyValues.fromStruct(request.getInputs()) : NodeInputs.withoutComputed(state);
            // The recorded inputs, not the outputs: after a new host key was pinned they carry it.
            NodeInputs.Parsed parsed = requireValid(NodeInputs.parse(role, inputs, stringOrNull(state.get("observedHostKey")), true), request.getUrn());
            NodeRun run = new NodeRun(parsed.spec(), progress(request.getUrn()));
            List<PhaseFailure> failures = phases.run(Phases.read(ssh), List.of(run));
            if (!failures.isEmpty()) {
                throw Status.UNAVAILABLE.withDescription("refresh of " + request.getId() + " failed: "
                        + new InstallFailure(failures).getMessage() + fromStateHint(failures, "refresh")).asRuntimeException();
            }
            if (!run.facts().installed()) {
                // k3s is gone from the machine: report the resource as deleted so the next update recreates it.
                log.warning(request.getUrn(), run.label() + ": k3s is not installed on the machine any more");
                return ReadResponse.newBuilder().setId("").build();
            }
            Map<String, Object> refreshed = new LinkedHashMap<>(state);
            refreshed.put("installedVersion", run.installedVersion());
            refreshed.put("running", run.running());
            refreshed.put("os", run.facts().os());
            refreshed.put("arch", run.facts().arch());
            return ReadResponse.newBuilder().setId(request.getId()).setProperties(PropertyValues.toStruct(markSecrets(refreshed)))
                    .setInputs(PropertyValues.toStruct(markSecrets(inputs))).build();
        });
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> out) {
        reply(out, () -> {
            if (isJoinToken(request.getType(), request.getUrn())) {
                // Diff never asks for one; should the engine send it anyway, the token stays what it was.
                Map<String, Object> state = new LinkedHashMap<>(markSecrets(PropertyValues.fromStruct(request.getNews())));
                Map<String, Object> olds = PropertyValues.fromStruct(request.getOlds());
                state.put("value", PropertyValues.secret(PropertyValues.reveal(olds.get("value"))));
                state.put("adopted", olds.get("adopted"));
                return UpdateResponse.newBuilder().setProperties(PropertyValues.toStruct(state)).build();
            }
            NodeRole role = NodeInputs.roleOf(typeOf(request.getType(), request.getUrn()));
            Map<String, Object> olds = PropertyValues.fromStruct(request.getOlds());
            Map<String, Object> news = PropertyValues.fromStruct(request.getNews());
            String observed = stringOrNull(olds.get("observedHostKey"));
            NodeInputs.Parsed parsed = requireValid(NodeInputs.parse(role, news, observed, false), request.getUrn());
            NodeRun run = new NodeRun(parsed.spec(), progress(request.getUrn()));
            List<PhaseFailure> failures = phases.run(Phases.update(ssh, coordination), List.of(run));
            Map<String, Object> state = state(news, run, observed);
            if (!failures.isEmpty()) {
                // The new inputs are recorded (a newly pinned key is used from now on), with what the state
                // knew wherever this run learned nothing new: a failure never erases the kubeconfig, the token
                // or the installed version. The resource keeps an init error, so the next `up` updates it again.
                InstallFailure failure = new InstallFailure(failures);
                String message = failure.getMessage() + (run.tookTurn() && run.changedHost()
                        ? ". The rolling update stops here: machines after this one were not touched and keep their version;"
                        + " fix the cause and run `pulumi up` again to continue from " + run.label() : "");
                throw failed(message, request.getId(), keepKnown(state, olds, run), news);
            }
            run.warnings().forEach(w -> log.warning(request.getUrn(), w));
            return UpdateResponse.newBuilder().setProperties(PropertyValues.toStruct(state)).build();
        });
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> out) {
        reply(out, () -> {
            if (isJoinToken(request.getType(), request.getUrn())) {
                // Nothing on a machine: the token lives in the state (and in k3s while the cluster exists).
                return Empty.getDefaultInstance();
            }
            NodeRole role = NodeInputs.roleOf(typeOf(request.getType(), request.getUrn()));
            Map<String, Object> state = PropertyValues.fromStruct(request.getProperties());
            // The recorded inputs when the engine sends them (they carry a newly pinned host key), else the state.
            Map<String, Object> inputs = request.hasOldInputs() && request.getOldInputs().getFieldsCount() > 0
                    ? PropertyValues.fromStruct(request.getOldInputs()) : state;
            NodeInputs.Parsed parsed = requireValid(NodeInputs.parse(role, inputs, stringOrNull(state.get("observedHostKey")), true), request.getUrn());
            NodeRun run = new NodeRun(parsed.spec(), progress(request.getUrn()));
            List<PhaseFailure> failures = phases.run(Phases.delete(ssh, coordination), List.of(run));
            if (!failures.isEmpty()) {
                String hint = fromStateHint(failures, "destroy");
                throw Status.UNKNOWN.withDescription("removing " + request.getId() + " failed: " + new InstallFailure(failures).getMessage()
                        + (!hint.isEmpty() ? hint : failures.get(0).changedHost() ? ""
                                : " (if the machine is gone for good, run: pulumi state delete '" + request.getUrn() + "')"))
                        .asRuntimeException();
            }
            return Empty.getDefaultInstance();
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Outputs: the inputs (secrets marked) plus what the provider found and produced. */
    private static Map<String, Object> state(Map<String, Object> inputs, NodeRun run, String previousObservedKey) {
        Map<String, Object> state = new LinkedHashMap<>(markSecrets(inputs));
        state.put("resolvedNodeName", run.nodeName());
        state.put("installedVersion", run.installedVersion());
        state.put("running", run.running());
        // The key the machine presented in this run, pinned or not: after a re-pin (a reinstalled machine) the
        // old observed key must not come back when the program returns to trustOnFirstUse.
        String observed = run.presentedHostKey();
        state.put("observedHostKey", observed != null ? observed : previousObservedKey);
        if (run.facts() != null) {
            state.put("os", run.facts().os());
            state.put("arch", run.facts().arch());
        }
        if (!run.warnings().isEmpty()) {
            state.put("warnings", List.copyOf(run.warnings()));
        }
        if (run.spec().role() == NodeRole.SERVER) {
            state.put("kubeconfig", run.kubeconfig() == null ? null : PropertyValues.secret(run.kubeconfig().reveal()));
            state.put("clusterToken", run.clusterToken() == null ? null : PropertyValues.secret(run.clusterToken().reveal()));
        }
        return state;
    }

    /** Outputs this run did not learn (no facts read, no kubeconfig fetched) keep their values from the old state. */
    private static Map<String, Object> keepKnown(Map<String, Object> state, Map<String, Object> olds, NodeRun run) {
        Map<String, Object> merged = new LinkedHashMap<>(state);
        for (String key : List.of("kubeconfig", "clusterToken", "observedHostKey", "warnings")) {
            if (merged.get(key) == null && olds.get(key) != null) {
                merged.put(key, olds.get(key));
            }
        }
        if (run.facts() == null) {
            for (String key : List.of("installedVersion", "running", "os", "arch", "resolvedNodeName")) {
                if (olds.containsKey(key)) {
                    merged.put(key, olds.get(key));
                }
            }
        }
        return markSecrets(merged);
    }

    /**
     * Refresh and destroy connect with what the state recorded. When the machine presents another
     * host key, say how a key pinned anew in the program reaches the state.
     */
    private static String fromStateHint(List<PhaseFailure> failures, String operation) {
        for (PhaseFailure f : failures) {
            for (Throwable t = f.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SshFailure sf && sf.kind() == SshFailure.Kind.HOST_KEY_MISMATCH) {
                    return " (" + operation + " connects with the host key recorded in the Pulumi state; if the machine was reinstalled"
                            + " and you pinned its new key in the program, run `pulumi up` first so the state records it, then run "
                            + operation + " again)";
                }
            }
        }
        return "";
    }

    private static String nodeId(NodeRun run) {
        String name = run.nodeName();
        return (name == null ? "unknown" : name) + "@" + run.spec().endpoint().host();
    }

    /** Marks secret fields secret at any depth, whether or not the program marked them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> markSecrets(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Object inner = v instanceof PropertyValues.SecretValue s ? s.value() : v;
            if (NodeInputs.SECRET_FIELDS.contains(k) || NodeInputs.SECRET_OUTPUTS.contains(k)) {
                out.put(k, PropertyValues.secret(v));
            } else if (inner instanceof Map<?, ?> m) {
                Object marked = markSecrets((Map<String, Object>) m);
                out.put(k, v instanceof PropertyValues.SecretValue ? PropertyValues.secret(marked) : marked);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static NodeInputs.Parsed requireValid(NodeInputs.Parsed parsed, String urn) {
        if (parsed.spec() == null) {
            List<String> problems = new ArrayList<>();
            parsed.failures().forEach(f -> problems.add(f.property() + ": " + f.reason()));
            throw Status.INVALID_ARGUMENT.withDescription("invalid inputs for " + urn + ": "
                    + (problems.isEmpty() ? "values are not known yet" : String.join("; ", problems))).asRuntimeException();
        }
        return parsed;
    }

    /**
     * A failed create or update. When the machine was changed, the engine gets the partial state
     * (ErrorResourceInitFailed), keeps the resource and retries with an update next time: nothing
     * half-installed goes unrecorded.
     */
    private static StatusRuntimeException failed(String message, String id, Map<String, Object> state, Map<String, Object> inputs) {
        if (id == null) {
            return Status.UNKNOWN.withDescription(message).asRuntimeException();
        }
        ErrorResourceInitFailed detail = ErrorResourceInitFailed.newBuilder().setId(id)
                .setProperties(PropertyValues.toStruct(state)).setInputs(PropertyValues.toStruct(markSecrets(inputs)))
                .addReasons(message).build();
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Code.UNKNOWN_VALUE)
                .setMessage(message).addDetails(Any.pack(detail)).build();
        return StatusProto.toStatusRuntimeException(status);
    }

    private static boolean isJoinToken(String type, String urn) {
        return io.codezero.baremetal.ResourceTokens.JOIN_TOKEN.equals(typeOf(type, urn));
    }

    private static String typeOf(String type, String urn) {
        return type != null && !type.isEmpty() ? type : NodeInputs.typeOfUrn(urn);
    }

    private static String stringOrNull(Object o) {
        Object v = PropertyValues.reveal(o);
        return v instanceof String s && !s.isEmpty() ? s : null;
    }

    private static <T> void reply(StreamObserver<T> out, Supplier<T> body) {
        T value;
        try {
            value = body.get();
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        } catch (IllegalArgumentException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            out.onError(Status.INTERNAL.withDescription(e.getClass().getSimpleName() + ": " + e.getMessage()).asRuntimeException());
            return;
        }
        out.onNext(value);
        out.onCompleted();
    }
}
