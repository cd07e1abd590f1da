package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.AgentEventRecorded;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open console socket. Delivers an agent's events strictly in sequence order, each once: events that arrive while
 * the replay of missed ones is still being read, or ahead of an earlier one (two commits whose after-commit pushes
 * overtake each other), wait here until their turn. Sends are asynchronous and chained one at a time, so a slow
 * browser only fills its own outbox; a full outbox closes the socket and the console resumes from its last sequence.
 */
final class ConsoleConnection {

    static final int OUTBOX_LIMIT = 2000;
    /** Out-of-order events held while waiting for a gap to fill before the console is told to resync. */
    static final int HELD_LIMIT = 500;

    private static final Logger LOG = Logger.getLogger(ConsoleConnection.class.getName());

    private final Session session;
    private final String agentUid;
    private final Deque<String> outbox = new ArrayDeque<>();
    private final SortedMap<Long, AgentEventRecorded> held = new TreeMap<>();
    private boolean sending;
    private boolean replaying = true;
    private long lastSeq;
    /** The sequence seen at the previous catch-up check; unchanged since then means the stream is stuck. */
    private long checkedSeq = -1;

    ConsoleConnection(Session session, String agentUid, long lastSeq) {
        this.session = session;
        this.agentUid = agentUid;
        this.lastSeq = lastSeq;
    }

    String agentUid() {
        return agentUid;
    }

    Session session() {
        return session;
    }

    /**
     * The sequence this console is stuck at, if it has not moved since the previous check while the log is ahead:
     * a push was lost or the change was committed on another cluster member. Empty while it is moving or replaying.
     */
    synchronized java.util.OptionalLong stuckBelow(long latestSeq) {
        boolean stuck = !replaying && lastSeq < latestSeq && lastSeq == checkedSeq;
        checkedSeq = lastSeq;
        return stuck ? java.util.OptionalLong.of(lastSeq) : java.util.OptionalLong.empty();
    }

    /** A live event committed for this agent. */
    synchronized void deliver(AgentEventRecorded event) {
        if (event.seq() <= lastSeq) {
            return;
        }
        held.put(event.seq(), event);
        if (!replaying) {
            releaseInOrder();
        }
    }

    /** The events read from the log after the console's last sequence; live delivery starts after them. */
    synchronized void replayed(List<AgentEventRecorded> events, long latestSeq) {
        for (AgentEventRecorded event : events) {
            if (event.seq() > lastSeq) {
                held.put(event.seq(), event);
            }
        }
        replaying = false;
        releaseInOrder();
        // Everything up to latestSeq was committed before the replay read; nothing below it can still arrive.
        if (lastSeq < latestSeq && held.isEmpty()) {
            lastSeq = latestSeq;
        }
    }

    /** A console that just loaded its lists: live events start after {@code latestSeq}. */
    synchronized void startFrom(long latestSeq) {
        restartAt("hello", latestSeq);
    }

    /** The console is too far behind the log: it reloads its lists and continues from {@code latestSeq}. */
    synchronized void resync(long latestSeq) {
        restartAt("resync", latestSeq);
    }

    private void restartAt(String type, long latestSeq) {
        lastSeq = latestSeq;
        enqueue(Json.createObjectBuilder().add("type", type).add("seq", latestSeq).build().toString());
        replaying = false;
        held.headMap(latestSeq + 1).clear();
        releaseInOrder();
    }

    synchronized void sendControl(JsonObject message) {
        enqueue(message.toString());
    }

    private void releaseInOrder() {
        while (!held.isEmpty() && held.firstKey() == lastSeq + 1) {
            AgentEventRecorded next = held.remove(held.firstKey());
            lastSeq = next.seq();
            enqueue(frame(next));
        }
        if (held.size() > HELD_LIMIT) {
            LOG.warning(() -> "gap in event stream of agent " + agentUid + " did not fill; asking console to resync");
            long newest = held.lastKey();
            held.clear();
            resync(newest);
        }
    }

    private void enqueue(String text) {
        if (outbox.size() >= OUTBOX_LIMIT) {
            outbox.clear();
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow; reconnect with lastSeq"));
            return;
        }
        outbox.addLast(text);
        sendNext();
    }

    private void sendNext() {
        if (sending || outbox.isEmpty() || !session.isOpen()) {
            return;
        }
        sending = true;
        String text = outbox.pollFirst();
        try {
            session.getAsyncRemote().sendText(text, result -> {
                synchronized (ConsoleConnection.this) {
                    sending = false;
                    if (!result.isOK()) {
                        outbox.clear();
                        return;
                    }
                    sendNext();
                }
            });
        } catch (RuntimeException e) {
            sending = false;
            outbox.clear();
            LOG.log(Level.FINE, "send failed; the console will reconnect", e);
        }
    }

    void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    static String frame(AgentEventRecorded event) {
        return Json.createObjectBuilder()
                .add("seq", event.seq())
                .add("type", event.type())
                .add("data", Json.createReader(new StringReader(event.data())).readObject())
                .add("timestamp", event.createdAt().toEpochMilli())
                .build().toString();
    }
}
