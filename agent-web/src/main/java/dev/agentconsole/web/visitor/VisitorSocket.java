package dev.agentconsole.web.visitor;

import dev.agentconsole.web.ws.SocketSends;
import dev.agentconsole.thread.boundary.ThreadQueries;
import jakarta.inject.Inject;
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

/** {@code /agent/visitor/ws?token=...&thread=...}: the visitor's live view of their own thread. */
@ServerEndpoint("/visitor/ws")
public class VisitorSocket {

    private static final String THREAD = "agent.visitor.thread";

    @Inject
    VisitorCredentials credentials;

    @Inject
    VisitorSessions sessions;

    @Inject
    ThreadQueries queries;

    @OnOpen
    public void open(Session session) throws IOException {
        String threadUid = first(session, "thread");
        Optional<String> visitor = credentials.visitorOf(first(session, "token"));
        if (visitor.isEmpty() || threadUid == null || !ownsThread(visitor.get(), threadUid)) {
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "missing or invalid visitor token"));
            return;
        }
        session.setMaxIdleTimeout(75_000);
        session.getUserProperties().put(THREAD, threadUid);
        sessions.add(threadUid, session);
    }

    /** A visitor page only pings; the container closes anything longer with 1009 (too big). */
    @OnMessage(maxMessageSize = 16 * 1024)
    public void message(Session session, String text) {
        if (text != null && text.contains("\"ping\"")) {
            SocketSends.sendText(session, "{\"type\":\"pong\"}");
        }
    }

    /** A binary frame is no visitor page's: close (1003) rather than leave a socket that answers nothing. */
    @OnMessage
    public void binary(Session session, java.nio.ByteBuffer data) throws IOException {
        session.close(new CloseReason(CloseCodes.CANNOT_ACCEPT, "binary frames are not accepted"));
    }

    @OnClose
    public void close(Session session) {
        Object thread = session.getUserProperties().remove(THREAD);
        if (thread != null) {
            sessions.remove((String) thread, session);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        close(session);
    }

    private boolean ownsThread(String visitorUid, String threadUid) {
        try {
            queries.visitorThread(visitorUid, threadUid);
            return true;
        } catch (RuntimeException notTheirs) {
            return false;
        }
    }

    private static String first(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
