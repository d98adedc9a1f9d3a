package io.codezero.baremetal.provider;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * Progress and warnings shown by the engine under the resource (phase titles, host labels). Falls
 * back to stderr when there is no engine (tests). Callers pass only non-secret text.
 */
final class EngineLog implements AutoCloseable {
    private final ManagedChannel channel;
    private final EngineGrpc.EngineBlockingStub engine;

    EngineLog(String engineAddress) {
        if (engineAddress == null || engineAddress.isBlank()) {
            channel = null;
            engine = null;
        } else {
            channel = ManagedChannelBuilder.forTarget(engineAddress).usePlaintext().build();
            engine = EngineGrpc.newBlockingStub(channel);
        }
    }

    void info(String urn, String message) {
        log(urn, message, LogSeverity.INFO, true);
    }

    void warning(String urn, String message) {
        log(urn, message, LogSeverity.WARNING, false);
    }

    private void log(String urn, String message, LogSeverity severity, boolean ephemeral) {
        if (engine == null) {
            System.err.println("[codezero] " + severity + " " + message);
            return;
        }
        try {
            engine.withDeadlineAfter(5, TimeUnit.SECONDS).log(LogRequest.newBuilder().setUrn(urn == null ? "" : urn)
                    .setMessage(message).setSeverity(severity).setEphemeral(ephemeral).build());
        } catch (RuntimeException e) {
            System.err.println("[codezero] " + message);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
