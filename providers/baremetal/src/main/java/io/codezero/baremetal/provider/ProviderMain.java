package io.codezero.baremetal.provider;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The {@code pulumi-resource-codezero} plugin: serves the provider on 127.0.0.1 and prints the port
 * on stdout, as the engine expects. The engine passes its own address as the first non-flag argument.
 * {@code CODEZERO_MAX_PARALLEL_HOSTS} (default 32) bounds how many machines are worked on at once.
 */
public final class ProviderMain {
    private ProviderMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String engine = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                engine = arg;
                break;
            }
        }
        int parallel = Integer.parseInt(System.getenv().getOrDefault("CODEZERO_MAX_PARALLEL_HOSTS", "32"));
        Server server = start(engine, parallel, 0);
        System.out.println(server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        server.awaitTermination();
    }

    /** Starts the gRPC server on loopback (port 0 picks a free port). */
    public static Server start(String engineAddress, int maxParallelHosts, int port) throws IOException {
        return start(new BareMetalProvider(engineAddress, maxParallelHosts), port);
    }

    public static Server start(BareMetalProvider provider, int port) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .maxInboundMessageSize(64 * 1024 * 1024)
                .addService(provider)
                .build()
                .start();
    }
}
