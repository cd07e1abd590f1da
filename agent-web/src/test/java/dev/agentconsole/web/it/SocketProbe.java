package dev.agentconsole.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client that records what the server sends and how it closes. */
final class SocketProbe extends Endpoint implements AutoCloseable {

    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private Session session;

    static SocketProbe connect(URI uri) throws Exception {
        SocketProbe probe = new SocketProbe();
        probe.session = ContainerProvider.getWebSocketContainer()
                .connectToServer(probe, ClientEndpointConfig.Builder.create().build(), uri);
        return probe;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                received.add(Json.createReader(new StringReader(text)).readObject()));
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        closed.complete(reason);
    }

    /** The next frame, waiting at most 10 s for it. */
    JsonObject next() throws InterruptedException {
        JsonObject frame = received.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return frame;
    }

    /** The next frame of the given type, skipping others (each skipped frame is still checked for order by seq). */
    JsonObject nextOfType(String type) throws InterruptedException {
        while (true) {
            JsonObject frame = next();
            if (type.equals(frame.getString("type"))) {
                return frame;
            }
        }
    }

    void send(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    void sendBinary(byte[] data) throws Exception {
        session.getBasicRemote().sendBinary(java.nio.ByteBuffer.wrap(data));
    }

    @Override
    public void close() throws Exception {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }
}
