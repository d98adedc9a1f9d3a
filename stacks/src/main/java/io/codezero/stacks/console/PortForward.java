package io.codezero.stacks.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a local port to a pod's port through the API server, as kubectl does, over a WebSocket with the
 * {@value #PROTOCOL} subprotocol that the API server passes on to the kubelet: one WebSocket per local connection;
 * every message starts with its channel byte (0 data, 1 errors for the one port asked for), and each channel's first
 * message is the port number (two bytes, little-endian).
 */
final class PortForward implements AutoCloseable {
    static final String PROTOCOL = "v4.channel.k8s.io";
    private final KubeApi api;
    private final String path;
    private final ServerSocket server;

    PortForward(KubeApi api, String namespace, String pod, int port, int localPort) throws IOException {
        this.api = api;
        this.path = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/portforward?ports=" + port;
        this.server = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress());
    }

    int localPort() {
        return server.getLocalPort();
    }

    /** What the API server answered to one port-forward request, for a check before the URL is printed. */
    record Answer(boolean connected, int status, String message) {
    }

    /** Opens one stream and closes it: does the API server (and the kubelet behind it) accept the forward? */
    Answer check() {
        try {
            WebSocket ws = api.webSocket(path, PROTOCOL, new WebSocket.Listener() {
            }).get(20, TimeUnit.SECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "check");
            return new Answer(true, 101, "connected");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                Object body = handshake.getResponse().body();
                return new Answer(false, handshake.getResponse().statusCode(), body == null ? "" : String.valueOf(body));
            }
            return new Answer(false, 0, String.valueOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, 0, "interrupted");
        } catch (TimeoutException e) {
            return new Answer(false, 0, "no answer within 20 s");
        }
    }

    /** Serves local connections until closed. */
    void serve() throws IOException {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                throw e;
            }
            Thread connection = new Thread(() -> pipe(socket), "codezero-console-forward");
            connection.setDaemon(true);
            connection.start();
        }
    }

    private void pipe(Socket socket) {
        try (socket) {
            OutputStream toClient = socket.getOutputStream();
            CompletableFuture<Void> closed = new CompletableFuture<>();
            WebSocket ws = api.webSocket(path, PROTOCOL, new Channels(socket, toClient, closed)).get(20, TimeUnit.SECONDS);
            InputStream fromClient = socket.getInputStream();
            byte[] buffer = new byte[32 * 1024];
            int n;
            while (!closed.isDone() && (n = fromClient.read(buffer)) > 0) {
                ByteBuffer frame = ByteBuffer.allocate(n + 1);
                frame.put((byte) 0).put(buffer, 0, n).flip();
                ws.sendBinary(frame, true).get(30, TimeUnit.SECONDS);
            }
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
        } catch (Exception e) {
            System.err.println("forwarding one connection failed: " + (e.getCause() != null ? e.getCause() : e));
        }
    }

    /** Demultiplexes the channels; drops each channel's port header. */
    private static final class Channels implements WebSocket.Listener {
        private final Socket socket;
        private final OutputStream out;
        private final CompletableFuture<Void> closed;
        private final boolean[] headerSeen = new boolean[2];
        private final java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();

        Channels(Socket socket, OutputStream out, CompletableFuture<Void> closed) {
            this.socket = socket;
            this.out = out;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            message.writeBytes(bytes);
            if (last) {
                byte[] whole = message.toByteArray();
                message.reset();
                if (whole.length > 0) {
                    int channel = whole[0];
                    int start = 1;
                    if (channel >= 0 && channel < 2 && !headerSeen[channel]) {
                        headerSeen[channel] = true;
                        start = 3;
                    }
                    try {
                        if (channel == 0 && whole.length > start) {
                            out.write(whole, start, whole.length - start);
                            out.flush();
                        } else if (channel == 1 && whole.length > start) {
                            System.err.println("port-forward error: " + new String(whole, start, whole.length - start));
                        }
                    } catch (IOException e) {
                        closed.complete(null);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            finish();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            finish();
        }

        /** The pod side ended: end the local connection too, so the browser sees it. */
        private void finish() {
            closed.complete(null);
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
