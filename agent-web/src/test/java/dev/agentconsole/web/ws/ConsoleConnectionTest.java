package dev.agentconsole.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.event.boundary.EventReplay.Replay;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
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
import java.util.Map;
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

        List<JsonObject> frames() {
            return sent.stream().map(text -> Json.createReader(new StringReader(text)).readObject()).toList();
        }

        List<Long> seqs() {
            return frames().stream().filter(frame -> frame.containsKey("data"))
                    .map(frame -> frame.getJsonNumber("seq").longValue()).toList();
        }

        /** Events as "stream#seq". */
        List<String> events() {
            return frames().stream().filter(frame -> frame.containsKey("data"))
                    .map(frame -> frame.getString("stream") + "#" + frame.getJsonNumber("seq").longValue()).toList();
        }

        List<String> types() {
            return sent.stream().map(text -> Json.createReader(new StringReader(text)).readObject())
                    .map(frame -> frame.getString("type")).toList();
        }
    }

    static final String AGENT = "agent-1";
    static final String OWN = EventStreams.ofAgent(AGENT);
    static final String QUEUE = EventStreams.ofWorkgroup("wg-1");

    static StreamEventRecorded event(long seq) {
        return event(OWN, seq, Instant.EPOCH, null);
    }

    static StreamEventRecorded event(String stream, long seq, Instant at, String skipAgentUid) {
        JsonObject data = Json.createObjectBuilder().add("n", seq).build();
        return new StreamEventRecorded(stream, seq, "thread_status_changed", data.toString(), at, skipAgentUid);
    }

    /** What ConsoleSessions does with a committed event. */
    static void push(ConsoleConnection connection, StreamEventRecorded event) {
        connection.deliver(event.stream(), event.seq(), event.isFor(connection.agentUid()) ? Frames.event(event) : null);
    }

    static ConsoleConnection fresh(FakeSession fake) {
        return new ConsoleConnection(fake.session(), AGENT, List.of(OWN, QUEUE), Map.of());
    }

    @Test
    void liveEventsWaitForTheReplayAndNoneIsSentTwice() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), AGENT, List.of(OWN), Map.of(OWN, 3L));
        // Committed while the log was being read: 5 is also in the replay, 6 only live.
        push(connection, event(5));
        push(connection, event(6));
        assertTrue(fake.sent.isEmpty(), "nothing before the replay");

        connection.replayed(Map.of(OWN, new Replay(List.of(event(4), event(5)), false, 5)));

        assertEquals(List.of(4L, 5L, 6L), fake.seqs());
        push(connection, event(6));
        push(connection, event(2));
        assertEquals(List.of(4L, 5L, 6L), fake.seqs(), "old and repeated sequences are dropped");
    }

    @Test
    void anEventThatOvertookAnEarlierOneWaitsForIt() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = fresh(fake);
        connection.startFrom(Map.of(OWN, 10L, QUEUE, 4L));
        push(connection, event(12));
        assertEquals(List.of("hello"), fake.types());
        JsonObject hello = fake.frames().get(0);
        assertEquals(10, hello.getInt("seq"));
        assertEquals(10, hello.getJsonObject("cursors").getInt("agent"));
        assertEquals(4, hello.getJsonObject("cursors").getInt("wg:wg-1"));
        push(connection, event(11));
        assertEquals(List.of(11L, 12L), fake.seqs());
    }

    @Test
    void eachStreamIsOrderedOnItsOwnAndAGapInOneDoesNotHoldTheOther() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = fresh(fake);
        connection.startFrom(Map.of(OWN, 0L, QUEUE, 0L));
        push(connection, event(OWN, 2, Instant.EPOCH, null));
        push(connection, event(QUEUE, 1, Instant.EPOCH, null));
        push(connection, event(QUEUE, 2, Instant.EPOCH, null));
        assertEquals(List.of("wg:wg-1#1", "wg:wg-1#2"), fake.events());
        push(connection, event(OWN, 1, Instant.EPOCH, null));
        assertEquals(List.of("wg:wg-1#1", "wg:wg-1#2", "agent#1", "agent#2"), fake.events());
    }

    @Test
    void aQueueEventMeantForOthersAdvancesTheCursorWithoutBeingShown() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = fresh(fake);
        connection.startFrom(Map.of(OWN, 0L, QUEUE, 0L));
        push(connection, event(QUEUE, 1, Instant.EPOCH, AGENT));
        push(connection, event(QUEUE, 2, Instant.EPOCH, "someone-else"));
        assertEquals(List.of("wg:wg-1#2"), fake.events());
    }

    @Test
    void aResumedConsoleGetsWhatItMissedInEveryStreamMergedInCommitOrder() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), AGENT, List.of(OWN, QUEUE),
                Map.of(OWN, 7L, QUEUE, 20L));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        // Queued (queue stream), then taken by this agent (own stream), then another message queued elsewhere.
        Replay own = new Replay(List.of(event(OWN, 8, t.plusMillis(2), null)), false, 8);
        Replay queue = new Replay(List.of(event(QUEUE, 21, t.plusMillis(1), null),
                event(QUEUE, 22, t.plusMillis(2), AGENT), event(QUEUE, 23, t.plusMillis(3), null)), false, 23);
        connection.replayed(Map.of(OWN, own, QUEUE, queue));
        assertEquals(List.of("wg:wg-1#21", "agent#8", "wg:wg-1#23"), fake.events());
        push(connection, event(QUEUE, 23, t, null));
        push(connection, event(QUEUE, 24, t, null));
        assertEquals(List.of("wg:wg-1#21", "agent#8", "wg:wg-1#23", "wg:wg-1#24"), fake.events());
    }

    @Test
    void aStreamTheLogCannotReplayIsResyncedAndTheOthersReplayed() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), AGENT, List.of(OWN, QUEUE),
                Map.of(OWN, 1L, QUEUE, 1L));
        connection.replayed(Map.of(OWN, new Replay(List.of(event(2)), false, 2),
                QUEUE, new Replay(List.of(), true, 9000)));
        JsonObject resync = fake.frames().stream().filter(f -> f.getString("type").equals("resync")).findFirst()
                .orElseThrow();
        assertEquals("wg:wg-1", resync.getString("stream"));
        assertEquals(9000, resync.getInt("seq"));
        assertEquals(List.of("agent#2"), fake.events());
        push(connection, event(QUEUE, 9001, Instant.EPOCH, null));
        assertEquals(List.of("agent#2", "wg:wg-1#9001"), fake.events());
    }

    @Test
    void aGapThatNeverFillsEndsInAResync() {
        FakeSession fake = new FakeSession();
        ConsoleConnection connection = fresh(fake);
        connection.startFrom(Map.of(OWN, 1L, QUEUE, 0L));
        LongStream.rangeClosed(3, 3 + ConsoleConnection.HELD_LIMIT).forEach(seq -> push(connection, event(seq)));
        assertEquals("resync", fake.types().get(fake.types().size() - 1));
        push(connection, event(3 + ConsoleConnection.HELD_LIMIT + 1));
        assertEquals(List.of(3L + ConsoleConnection.HELD_LIMIT + 1), fake.seqs());
    }

    @Test
    void aConsoleThatStopsReadingIsClosedInsteadOfBufferingForever() {
        FakeSession fake = new FakeSession();
        fake.stalled = true;
        ConsoleConnection connection = fresh(fake);
        connection.startFrom(Map.of(OWN, 0L, QUEUE, 0L));
        for (long seq = 1; seq <= ConsoleConnection.OUTBOX_LIMIT + 1; seq++) {
            push(connection, event(seq));
        }
        assertEquals(1, fake.sent.size(), "one send in flight at a time");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, fake.closedWith.getCloseCode());
    }

    @Test
    void theFrameSplicesTheStoredJsonAndNamesTheStream() {
        String stored = "{\"message\":{\"content\":\"<b>\\\"x\"}}";
        String frame = Frames.event(new StreamEventRecorded(QUEUE, 5, "message_created", stored,
                Instant.ofEpochMilli(42), null));
        JsonObject parsed = Json.createReader(new StringReader(frame)).readObject();
        assertEquals("wg:wg-1", parsed.getString("stream"));
        assertEquals(5, parsed.getInt("seq"));
        assertEquals("message_created", parsed.getString("type"));
        assertEquals("<b>\"x", parsed.getJsonObject("data").getJsonObject("message").getString("content"));
        assertEquals(42, parsed.getJsonNumber("timestamp").longValue());
    }
}
