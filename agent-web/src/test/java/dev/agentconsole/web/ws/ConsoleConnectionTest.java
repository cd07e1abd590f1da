package dev.agentconsole.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.event.boundary.AgentEventRecorded;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Ordering, de-duplication and back-pressure of one console socket, with a fake session (no container). */
class ConsoleConnectionTest {

    /** Records sends; completes each send at once unless {@code stalled} (a browser that stopped reading). */
    static final class FakeSession {
        final List<String> sent = new ArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        CloseReason closedWith;
        boolean stalled;

        Session session() {
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            sent.add((String) args[0]);
                            SendHandler handler = (SendHandler) args[1];
                            if (stalled) {
                                pending.add(handler);
                            } else {
                                handler.onResult(new SendResult());
                            }
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> closedWith == null;
                        case "close" -> {
                            closedWith = args == null ? null : (CloseReason) args[0];
                            yield null;
                        }
                        default -> null;
                    });
        }

        List<Long> seqs() {
            return sent.stream().map(text -> Json.createReader(new StringReader(text)).readObject())
                    .filter(frame -> frame.containsKey("data"))
                    .map(frame -> frame.getJsonNumber("seq").longValue()).toList();
        }

        List<String> types() {
            return sent.stream().map(text -> Json.createReader(new StringReader(text)).readObject())
                    .map(frame -> frame.getString("type")).toList();
        }
    }

    static AgentEventRecorded event(long seq) {
        JsonObject data = Json.createObjectBuilder().add("n", seq).build();
        return new AgentEventRecorded("agent-1", seq, "agent_status_changed", data.toString(), Instant.EPOCH);
    }

    @Test
    void liveEventsWaitForTheReplayAndNoneIsSentTwice() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), "agent-1", 3);
        // Committed while the log was being read: 5 is also in the replay, 6 only live.
        connection.deliver(event(5));
        connection.deliver(event(6));
        assertTrue(fake.sent.isEmpty(), "nothing before the replay");

        connection.replayed(List.of(event(4), event(5)), 5);

        assertEquals(List.of(4L, 5L, 6L), fake.seqs());
        connection.deliver(event(6));
        connection.deliver(event(2));
        assertEquals(List.of(4L, 5L, 6L), fake.seqs(), "old and repeated sequences are dropped");
    }

    @Test
    void anEventThatOvertookAnEarlierOneWaitsForIt() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), "agent-1", 0);
        connection.startFrom(10);
        connection.deliver(event(12));
        assertEquals(List.of("hello"), fake.types());
        connection.deliver(event(11));
        assertEquals(List.of(11L, 12L), fake.seqs());
    }

    @Test
    void aGapThatNeverFillsEndsInAResync() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), "agent-1", 0);
        connection.startFrom(1);
        LongStream.rangeClosed(3, 3 + ConsoleConnection.HELD_LIMIT).forEach(seq -> connection.deliver(event(seq)));
        assertEquals("resync", fake.types().get(fake.types().size() - 1));
        connection.deliver(event(3 + ConsoleConnection.HELD_LIMIT + 1));
        assertEquals(List.of(3L + ConsoleConnection.HELD_LIMIT + 1), fake.seqs());
    }

    @Test
    void aConsoleThatStopsReadingIsClosedInsteadOfBufferingForever() {
        FakeSession fake = new FakeSession();
        fake.stalled = true;
        ConsoleConnection connection = new ConsoleConnection(fake.session(), "agent-1", 0);
        connection.startFrom(0);
        for (long seq = 1; seq <= ConsoleConnection.OUTBOX_LIMIT + 1; seq++) {
            connection.deliver(event(seq));
        }
        assertEquals(1, fake.sent.size(), "one send in flight at a time");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, fake.closedWith.getCloseCode());
    }
}
