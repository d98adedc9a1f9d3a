package io.codezero.baremetal.provider;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.codezero.baremetal.install.Progress;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

/**
 * Talks to the provider the way the engine does: a real gRPC server on loopback, a blocking stub,
 * requests carrying URNs, types and Structs with secret markers.
 */
final class ProviderClient implements AutoCloseable {
    final Server server;
    final ManagedChannel channel;
    final ResourceProviderGrpc.ResourceProviderBlockingStub stub;

    ProviderClient(Progress tap) throws IOException {
        server = ProviderMain.start(new BareMetalProvider(null, 32, tap), 0);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().maxInboundMessageSize(64 << 20)
                // Partial states travel in the error's trailers; the engine (grpc-go) accepts 16 MiB of them, grpc-java 8 KiB by default.
                .maxInboundMetadataSize(16 << 20).build();
        stub = ResourceProviderGrpc.newBlockingStub(channel);
    }

    static String urn(String type, String name) {
        return "urn:pulumi:test::codezero::codezero:baremetal:Cluster$" + type + "::" + name;
    }

    CheckResponse check(String type, String name, Map<String, Object> olds, Map<String, Object> news) {
        return stub.check(CheckRequest.newBuilder().setUrn(urn(type, name)).setType(type).setName(name)
                .setOlds(PropertyValues.toStruct(olds)).setNews(PropertyValues.toStruct(news)).build());
    }

    DiffResponse diff(String type, String name, String id, Map<String, Object> olds, Map<String, Object> news) {
        return stub.diff(DiffRequest.newBuilder().setUrn(urn(type, name)).setType(type).setName(name).setId(id)
                .setOlds(PropertyValues.toStruct(olds)).setNews(PropertyValues.toStruct(news)).build());
    }

    CreateResponse create(String type, String name, Struct checkedInputs) {
        return stub.withDeadlineAfter(10, TimeUnit.MINUTES).create(CreateRequest.newBuilder().setUrn(urn(type, name)).setType(type)
                .setName(name).setProperties(checkedInputs).setTimeout(600).build());
    }

    ReadResponse read(String type, String name, String id, Struct state, Struct inputs) {
        return stub.read(ReadRequest.newBuilder().setUrn(urn(type, name)).setType(type).setName(name).setId(id)
                .setProperties(state).setInputs(inputs).build());
    }

    UpdateResponse update(String type, String name, String id, Struct olds, Struct news) {
        return stub.withDeadlineAfter(10, TimeUnit.MINUTES).update(UpdateRequest.newBuilder().setUrn(urn(type, name)).setType(type)
                .setName(name).setId(id).setOlds(olds).setNews(news).setTimeout(600).build());
    }

    void delete(String type, String name, String id, Struct state) {
        stub.withDeadlineAfter(10, TimeUnit.MINUTES).delete(DeleteRequest.newBuilder().setUrn(urn(type, name)).setType(type)
                .setName(name).setId(id).setProperties(state).setTimeout(600).build());
    }

    String pluginVersion() {
        return stub.getPluginInfo(Empty.getDefaultInstance()).getVersion();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
