package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.auth.ConsoleCredentials.ConsoleSession;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's event stream: {@code /agent/ws?credential=...&lastSeq=N}. Without a valid console credential the
 * socket is closed with 1008 before anything is sent. With {@code lastSeq} the events missed since then are replayed
 * from the agent's event log before live ones.
 */
@ServerEndpoint("/ws")
public class ConsoleSocket {

    private static final Logger LOG = Logger.getLogger(ConsoleSocket.class.getName());
    private static final String CONNECTION = "agent.console.connection";
    static final long IDLE_TIMEOUT_MILLIS = 75_000;

    @Inject
    ConsoleCredentials credentials;

    @Inject
    ConsoleSessions sessions;

    @Inject
    EventReplay replay;

    @OnOpen
    public void open(Session session) throws IOException {
        Optional<ConsoleSession> console = credentials.verify(first(session, "credential"));
        if (console.isEmpty()) {
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "missing or invalid console credential"));
            return;
        }
        // The console pings every 25 s; a socket silent for longer than this is dead and is closed here.
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        long lastSeq = parseSeq(first(session, "lastSeq"));
        ConsoleConnection connection = new ConsoleConnection(session, console.get().agentUid(), Math.max(0, lastSeq));
        session.getUserProperties().put(CONNECTION, connection);
        // Register before reading the log, so nothing committed in between is missed; the connection drops doubles.
        sessions.add(connection);
        String agentUid = console.get().agentUid();
        if (lastSeq < 0) {
            // A fresh console has just loaded its lists: it starts from the newest sequence.
            connection.startFrom(replay.latestSeq(agentUid));
            return;
        }
        EventReplay.Replay missed = replay.since(agentUid, lastSeq);
        if (missed.resync()) {
            connection.resync(missed.latestSeq());
        } else {
            connection.replayed(missed.events(), missed.latestSeq());
        }
    }

    @OnMessage
    public void message(Session session, String text) {
        // Application-level heartbeat: the console pings, we answer, so both sides notice a dead connection.
        if (text != null && text.contains("\"ping\"")) {
            ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().get(CONNECTION);
            if (connection != null) {
                connection.sendControl(Json.createObjectBuilder().add("type", "pong").build());
            }
        }
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

    /** -1 when absent: a fresh console, not a resume. */
    private static long parseSeq(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
