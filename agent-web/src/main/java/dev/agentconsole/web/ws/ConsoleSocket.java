package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.auth.ConsoleCredentials.ConsoleSession;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's event stream: {@code /agent/ws?credential=...[&cursors={"agent":N,"wg:<uid>":M}]}. Without a valid
 * console credential the socket is closed with 1008 before anything is sent. A console follows its agent's own stream
 * and one stream per workgroup of the agent; with {@code cursors} the events missed in each are replayed from the log
 * before live ones ({@code lastSeq=N} is the agent stream's cursor alone, as older consoles send it). With
 * {@code board=1} a supervisor's socket also carries its organisation's board ({@link SupervisorBoardPush}).
 */
@ServerEndpoint("/ws")
public class ConsoleSocket {

    private static final Logger LOG = Logger.getLogger(ConsoleSocket.class.getName());
    private static final String CONNECTION = "agent.console.connection";

    @Inject
    ConsoleCredentials credentials;

    @Inject
    ConsoleSessions sessions;

    @Inject
    EventReplay replay;

    @Inject
    SupervisorBoardPush boards;

    @OnOpen
    public void open(Session session) throws IOException {
        Optional<ConsoleSession> console = credentials.verify(first(session, "credential"));
        if (console.isEmpty()) {
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "missing or invalid console credential"));
            return;
        }
        // No container idle timer: it was re-armed through the managed executor on every send. ConsoleSessions
        // closes consoles that stop pinging.
        session.setMaxIdleTimeout(0);
        String agentUid = console.get().agentUid();
        List<String> streams = replay.streamsOf(agentUid);
        if (streams.isEmpty()) {
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "agent disabled"));
            return;
        }
        Map<String, Long> resumeAt = cursors(session, agentUid);
        ConsoleConnection connection = new ConsoleConnection(session, agentUid, streams,
                resumeAt == null ? Map.of() : resumeAt);
        connection.signedIn(console.get().sessionId(), console.get().expiresAt());
        session.getUserProperties().put(CONNECTION, connection);
        // Register before reading the log, so nothing committed in between is missed; the connection drops doubles.
        sessions.add(connection);
        if ("1".equals(first(session, "board"))) {
            // The supervisor view: its board follows on this socket as "board" frames.
            boards.watch(connection);
        }
        if (resumeAt == null) {
            // A fresh console has just loaded its lists: every stream starts from its newest sequence.
            connection.startFrom(replay.heads(streams));
            return;
        }
        Map<String, Long> known = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String stream : streams) {
            if (resumeAt.containsKey(stream)) {
                known.put(stream, resumeAt.get(stream));
            } else {
                unknown.add(stream);
            }
        }
        connection.replayed(replay.since(known));
        // Streams the console had no cursor for (a workgroup joined since): it reloads and continues from the head.
        replay.heads(unknown).forEach(connection::resync);
    }

    /**
     * The console sends pings and, after renewing its credential, the new one; anything longer than this is closed by
     * the container with 1009 (too big).
     */
    static final int MAX_TEXT_BYTES = 16 * 1024;

    @OnMessage(maxMessageSize = MAX_TEXT_BYTES)
    public void message(Session session, String text) throws IOException {
        ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().get(CONNECTION);
        if (connection == null || text == null) {
            return;
        }
        connection.heard();
        if (text.contains("\"credential\"")) {
            renew(session, connection, text);
        } else if (text.contains("\"ping\"")) {
            // Application-level heartbeat: the console pings, we answer, so both sides notice a dead connection.
            connection.sendControl(Frames.PONG);
        }
    }

    /**
     * {@code {"type":"credential","credential":"..."}}: a renewed credential of the socket's own session keeps the
     * socket open past the first one's expiry. Anything else there ends the socket (1008), as at open.
     */
    private void renew(Session session, ConsoleConnection connection, String text) throws IOException {
        String credential;
        try {
            JsonObject frame = Jsons.parseObject(text);
            credential = "credential".equals(frame.getString("type", null)) ? frame.getString("credential", null) : null;
        } catch (RuntimeException unreadable) { // not JSON, not an object, or nested too deeply for the parser
            credential = null;
        }
        Optional<ConsoleSession> renewed = credentials.verify(credential);
        if (renewed.isPresent() && renewed.get().sessionId().equals(connection.sessionId())
                && renewed.get().agentUid().equals(connection.agentUid())) {
            connection.renewed(renewed.get().expiresAt());
            return;
        }
        sessions.remove(connection);
        session.getUserProperties().remove(CONNECTION);
        session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "credential invalid or expired"));
    }

    /** A binary frame is no console's: close (1003) rather than leave a socket that answers nothing. */
    @OnMessage
    public void binary(Session session, java.nio.ByteBuffer data) throws IOException {
        session.close(new CloseReason(CloseCodes.CANNOT_ACCEPT, "binary frames are not accepted"));
    }

    @OnClose
    public void close(Session session) {
        ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().remove(CONNECTION);
        if (connection != null) {
            sessions.remove(connection);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "console socket error", failure);
        close(session);
    }

    private static String first(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The console's cursors by stream key, or null for a fresh console (none given, or unreadable). */
    static Map<String, Long> cursors(Session session, String agentUid) {
        String json = first(session, "cursors");
        if (json != null && !json.isBlank()) {
            return parseCursors(json, agentUid);
        }
        String lastSeq = first(session, "lastSeq");
        if (lastSeq == null || lastSeq.isBlank()) {
            return null;
        }
        try {
            Map<String, Long> cursors = new HashMap<>();
            cursors.put(EventStreams.ofAgent(agentUid), Long.parseLong(lastSeq.strip()));
            return cursors;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, Long> parseCursors(String json, String agentUid) {
        if (json.length() > 16_384) {
            return null;
        }
        try {
            JsonObject object = Jsons.parseObject(json);
            Map<String, Long> cursors = new HashMap<>();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if (entry.getValue() instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
                    cursors.put(EventStreams.keyOf(entry.getKey(), agentUid), number.longValue());
                }
            }
            return cursors;
        } catch (RuntimeException unreadable) { // not JSON, not an object, or nested too deeply for the parser
            return null;
        }
    }
}
