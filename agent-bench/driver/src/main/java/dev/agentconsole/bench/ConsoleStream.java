package dev.agentconsole.bench;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One console socket (or baseline socket). Reads every frame promptly (the server closes slow consumers), keeps the
 * last seq seen per event stream ({@code agent}, {@code wg:<uid>}; frames without a stream belong to {@code agent})
 * for a later resume, and reports message_created frames. Unknown fields and frame types are ignored.
 */
final class ConsoleStream implements WebSocket.Listener {

    final BenchAgent agent;
    private final StringBuilder partial = new StringBuilder();
    private volatile FrameSink sink;
    private volatile WebSocket socket;
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    /** The server speaks the per-stream protocol (hello with cursors, events with a stream). */
    private volatile boolean streamed;
    private volatile boolean greeted;
    private volatile boolean closed;
    private volatile int closeCode;
    private volatile String closeReason;

    ConsoleStream(BenchAgent agent, FrameSink sink) {
        this.agent = agent;
        this.sink = sink;
    }

    CompletableFuture<ConsoleStream> connect(Http http, URI uri) {
        return http.client().newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(30))
                .buildAsync(uri, this).orTimeout(60, TimeUnit.SECONDS).thenApply(ws -> this);
    }

    void sink(FrameSink sink) {
        this.sink = sink;
    }

    /** The last seq seen per stream; empty before the hello. */
    Map<String, Long> cursors() {
        return Map.copyOf(cursors);
    }

    /** Got its hello (or resync): from here on every event is either replayed or pushed to it. */
    boolean greeted() {
        return greeted;
    }

    boolean streamed() {
        return streamed;
    }

    boolean isOpen() {
        return socket != null && !closed;
    }

    /** "1008 reason" once closed by the server or broken; null while open. */
    String closed() {
        return closed ? closeCode + " " + closeReason : null;
    }

    void ping() {
        WebSocket ws = socket;
        if (ws != null && !closed) {
            ws.sendText("{\"type\":\"ping\"}", true);
        }
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !closed) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
            ws.abort();
        }
        closed = true;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long arrived = System.nanoTime();
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            handle(frame, arrived);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String frame, long arrived) {
        JsonObject object = Json.parse(frame);
        if (object.get("cursors") instanceof JsonObject hello) {
            streamed = true;
            for (Map.Entry<String, JsonValue> cursor : hello.entrySet()) {
                if (cursor.getValue() instanceof JsonNumber seq) {
                    cursors.merge(cursor.getKey(), seq.longValue(), Math::max);
                }
            }
        }
        String type = Json.string(object, "type");
        if ("hello".equals(type) || "resync".equals(type)) {
            greeted = true;
        }
        String stream = Json.string(object, "stream");
        if (stream != null) {
            streamed = true;
        }
        if (object.get("seq") instanceof JsonNumber seq) {
            // A resync restarts the stream at its seq; events only move forward.
            if ("resync".equals(Json.string(object, "type"))) {
                cursors.put(stream == null ? "agent" : stream, seq.longValue());
            } else {
                cursors.merge(stream == null ? "agent" : stream, seq.longValue(), Math::max);
            }
        }
        if ("message_created".equals(Json.string(object, "type"))
                && object.get("data") instanceof JsonObject data && data.get("message") instanceof JsonObject message) {
            String clientMessageId = Json.string(message, "clientMessageId");
            if (clientMessageId != null) {
                sink.messageCreated(clientMessageId, arrived);
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        closeCode = statusCode;
        closeReason = reason;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        closeCode = -1;
        closeReason = String.valueOf(error);
    }
}
