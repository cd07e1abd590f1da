package dev.agentconsole.web.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client that records what the server sends and how it closes. */
final class SocketProbe extends Endpoint implements AutoCloseable {

    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    /** The last sequence seen per stream, checked on every frame as it arrives, whether a test reads it or not. */
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final List<String> orderViolations = new CopyOnWriteArrayList<>();
    private Session session;

    static SocketProbe connect(URI uri) throws Exception {
        SocketProbe probe = new SocketProbe();
        probe.session = ContainerProvider.getWebSocketContainer()
                .connectToServer(probe, ClientEndpointConfig.Builder.create().build(), uri);
        return probe;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            JsonObject frame = Json.createReader(new StringReader(text)).readObject();
            checkOrder(frame);
            received.add(frame);
        });
    }

    /**
     * Events of one stream must arrive with strictly increasing sequence numbers (gaps are allowed: an event meant
     * for another member only moves the cursor). A hello or a resync sets where a stream continues.
     */
    private void checkOrder(JsonObject frame) {
        String type = frame.getString("type", "");
        if ("hello".equals(type)) {
            JsonObject cursors = frame.getJsonObject("cursors");
            if (cursors != null) {
                cursors.forEach((stream, seq) -> lastSeq.put(stream, ((JsonNumber) seq).longValue()));
            }
            return;
        }
        if (!frame.containsKey("seq")) {
            return;
        }
        String stream = frame.getString("stream", "agent");
        long seq = frame.getJsonNumber("seq").longValue();
        if ("resync".equals(type)) {
            lastSeq.put(stream, seq);
            return;
        }
        Long previous = lastSeq.put(stream, seq);
        if (previous != null && seq <= previous) {
            orderViolations.add(stream + ": " + seq + " after " + previous);
        }
    }

    /** Fails if any frame so far arrived out of order or twice in its stream. */
    void assertInOrder() {
        if (!orderViolations.isEmpty()) {
            throw new AssertionError("frames out of order or repeated: " + orderViolations);
        }
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
        assertInOrder();
        return frame;
    }

    /** The next frame of the given type, skipping others (each skipped frame was still checked for order by seq). */
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
