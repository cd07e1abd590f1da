package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.EventReplay.Replay;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open console socket, following several event streams (its agent's own and its workgroups'). Delivers each
 * stream strictly in sequence order, each event once: events that arrive while the replay of missed ones is still being
 * read, or ahead of an earlier one (two commits whose after-commit pushes overtake each other), wait here until their
 * turn; a gap that does not fill is fetched from the log by {@link ConsoleSessions#catchUp()}. Sends are asynchronous
 * and chained one at a time, so a slow browser only fills its own outbox; a full outbox closes the socket and the
 * console resumes from its cursors.
 */
final class ConsoleConnection {

    static final int OUTBOX_LIMIT = 2000;
    /** Out-of-order events held per stream while a gap fills before the console is told to resync. */
    static final int HELD_LIMIT = 5000;

    private static final Logger LOG = Logger.getLogger(ConsoleConnection.class.getName());

    /** Where the console is in one stream. */
    private static final class Cursor {
        long lastSeq;
        /** Waiting events by sequence; a null frame advances the cursor without showing anything. */
        final SortedMap<Long, String> held = new TreeMap<>();
        boolean replaying = true;
        /** The sequence seen at the previous catch-up check; unchanged since then means the stream is stuck. */
        long checkedSeq = -1;

        Cursor(long lastSeq) {
            this.lastSeq = lastSeq;
        }
    }

    private final Session session;
    private final String agentUid;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private final Deque<String> outbox = new ArrayDeque<>();
    private boolean sending;
    private volatile long lastHeardNanos = System.nanoTime();
    /** The login session this socket was opened with, and when its newest credential seen here expires. */
    private volatile String sessionId;
    private volatile long credentialExpiresAtMillis = Long.MAX_VALUE;

    /**
     * @param resumeAt the console's cursor per followed stream key; a stream without one is unknown to the console
     *                 (a fresh console, or a workgroup joined since) and starts with hello or resync
     */
    ConsoleConnection(Session session, String agentUid, Collection<String> streams, Map<String, Long> resumeAt) {
        this.session = session;
        this.agentUid = agentUid;
        for (String stream : streams) {
            cursors.put(stream, new Cursor(Math.max(0, resumeAt.getOrDefault(stream, 0L))));
        }
    }

    String agentUid() {
        return agentUid;
    }

    Session session() {
        return session;
    }

    Set<String> streams() {
        return cursors.keySet();
    }

    /** Binds the socket to the login session whose credential opened it; it closes when that credential ends. */
    void signedIn(String sessionId, Instant expiresAt) {
        this.sessionId = sessionId;
        this.credentialExpiresAtMillis = expiresAt.toEpochMilli();
    }

    String sessionId() {
        return sessionId;
    }

    /** The console presented a renewed credential of the same session: the socket lives as long as it does. */
    void renewed(Instant expiresAt) {
        credentialExpiresAtMillis = Math.max(credentialExpiresAtMillis, expiresAt.toEpochMilli());
    }

    boolean credentialExpiredAt(long nowMillis) {
        return credentialExpiresAtMillis <= nowMillis;
    }

    /** The console said something (a ping): it is alive. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    boolean silentSince(long nanos) {
        return lastHeardNanos - nanos < 0;
    }

    /**
     * The cursor this console is stuck at in a stream, if it has not moved since the previous check while the log is
     * ahead: a push was lost, a gap did not fill, or the change was committed on another cluster member. Empty while
     * it is moving or replaying.
     */
    synchronized OptionalLong stuckBelow(String stream, long latestSeq) {
        Cursor cursor = cursors.get(stream);
        if (cursor == null) {
            return OptionalLong.empty();
        }
        boolean stuck = !cursor.replaying && cursor.lastSeq < latestSeq && cursor.lastSeq == cursor.checkedSeq;
        cursor.checkedSeq = cursor.lastSeq;
        return stuck ? OptionalLong.of(cursor.lastSeq) : OptionalLong.empty();
    }

    /** A live event committed in one of this console's streams; {@code frame} null = not for this agent. */
    synchronized void deliver(String stream, long seq, String frame) {
        Cursor cursor = cursors.get(stream);
        if (cursor == null || seq <= cursor.lastSeq) {
            return;
        }
        cursor.held.put(seq, frame);
        if (!cursor.replaying) {
            releaseInOrder(stream, cursor);
        }
    }

    /** A fresh console that has just loaded its lists: every stream continues after its head. */
    synchronized void startFrom(Map<String, Long> heads) {
        Map<String, Long> told = new LinkedHashMap<>();
        for (Map.Entry<String, Cursor> entry : cursors.entrySet()) {
            long head = heads.getOrDefault(entry.getKey(), 0L);
            told.put(entry.getKey(), head);
            restart(entry.getValue(), head);
        }
        enqueue(Frames.hello(told));
        cursors.forEach(this::releaseInOrder);
    }

    /**
     * A resumed console: what each stream held after its cursor. Replays are merged across streams by commit time,
     * so a queue event and the agent's own event about the same thread arrive in the order they happened.
     */
    synchronized void replayed(Map<String, Replay> replays) {
        List<StreamEventRecorded> merged = new ArrayList<>();
        replays.forEach((stream, replay) -> {
            Cursor cursor = cursors.get(stream);
            if (cursor == null) {
                return;
            }
            if (replay.resync()) {
                resync(stream, replay.latestSeq());
            } else {
                merged.addAll(replay.events());
            }
        });
        merged.sort(Comparator.comparing(StreamEventRecorded::createdAt));
        for (StreamEventRecorded event : merged) {
            Cursor cursor = cursors.get(event.stream());
            if (event.seq() == cursor.lastSeq + 1) {
                cursor.lastSeq = event.seq();
                if (event.isFor(agentUid)) {
                    enqueue(Frames.event(event));
                }
            } else if (event.seq() > cursor.lastSeq) {
                cursor.held.put(event.seq(), event.isFor(agentUid) ? Frames.event(event) : null);
            }
        }
        replays.forEach((stream, replay) -> {
            Cursor cursor = cursors.get(stream);
            if (cursor == null || !cursor.replaying) {
                return;
            }
            cursor.replaying = false;
            releaseInOrder(stream, cursor);
            // Everything up to latestSeq was committed before the replay read; nothing below it can still arrive.
            if (cursor.lastSeq < replay.latestSeq() && cursor.held.isEmpty()) {
                cursor.lastSeq = replay.latestSeq();
            }
        });
    }

    /** Events the catch-up read from the log for a stuck stream. */
    synchronized void caughtUp(String stream, Replay replay) {
        if (replay.resync()) {
            resync(stream, replay.latestSeq());
            return;
        }
        for (StreamEventRecorded event : replay.events()) {
            deliver(stream, event.seq(), event.isFor(agentUid) ? Frames.event(event) : null);
        }
    }

    /** The console cannot be replayed this stream: it reloads its lists and continues from {@code latestSeq}. */
    synchronized void resync(String stream, long latestSeq) {
        Cursor cursor = cursors.get(stream);
        if (cursor == null) {
            return;
        }
        restart(cursor, latestSeq);
        enqueue(Frames.resync(stream, latestSeq));
        releaseInOrder(stream, cursor);
    }

    synchronized void sendControl(String text) {
        enqueue(text);
    }

    private static void restart(Cursor cursor, long latestSeq) {
        cursor.lastSeq = latestSeq;
        cursor.replaying = false;
        cursor.held.headMap(latestSeq + 1).clear();
    }

    private void releaseInOrder(String stream, Cursor cursor) {
        // Live pushes that the replay also brought are already sent.
        cursor.held.headMap(cursor.lastSeq + 1).clear();
        while (!cursor.held.isEmpty() && cursor.held.firstKey() == cursor.lastSeq + 1) {
            long seq = cursor.held.firstKey();
            String frame = cursor.held.remove(seq);
            cursor.lastSeq = seq;
            if (frame != null) {
                enqueue(frame);
            }
        }
        if (cursor.held.size() > HELD_LIMIT) {
            LOG.info(() -> "gap in stream " + stream + " of a console of agent " + agentUid
                    + " did not fill; asking it to resync");
            resync(stream, cursor.held.lastKey());
        }
    }

    private void enqueue(String text) {
        if (outbox.size() >= OUTBOX_LIMIT) {
            outbox.clear();
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow; reconnect with cursors"));
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
            SocketSends.sendText(session, text, result -> {
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
}
