package dev.agentconsole.web.visitor;

import dev.agentconsole.web.ws.SocketSends;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import jakarta.json.JsonObject;
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
import java.util.logging.Logger;

/**
 * {@code /agent/visitor/ws?token=...&thread=...}: the visitor's live view of their own thread. Closed with 1008 for a
 * missing or wrong token, 4401 for an expired one, and 4410 when the thread has ended (at once, or when it closes).
 */
@ServerEndpoint("/visitor/ws")
public class VisitorSocket {

    private static final Logger LOG = Logger.getLogger(VisitorSocket.class.getName());
    private static final String THREAD = "agent.visitor.thread";
    static final CloseReason CHAT_ENDED = new CloseReason(CloseReason.CloseCodes.getCloseCode(4410), "chat_ended");
    static final CloseReason TOKEN_EXPIRED = new CloseReason(CloseReason.CloseCodes.getCloseCode(4401),
            "token_expired");

    @Inject
    VisitorCredentials credentials;

    @Inject
    VisitorSessions sessions;

    @Inject
    ThreadQueries queries;

    @OnOpen
    public void open(Session session) throws IOException {
        String threadUid = first(session, "thread");
        String token = first(session, "token");
        Optional<String> visitor = credentials.visitorOf(token);
        if (visitor.isEmpty() && credentials.isExpired(token)) {
            session.close(TOKEN_EXPIRED);
            return;
        }
        Optional<ThreadView> thread = visitor.flatMap(uid -> ownThread(uid, threadUid));
        if (thread.isEmpty()) {
            session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "missing or invalid visitor token"));
            return;
        }
        if (ThreadStatus.CLOSED.name().equals(thread.get().status())) {
            session.close(CHAT_ENDED);
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

    private Optional<ThreadView> ownThread(String visitorUid, String threadUid) {
        if (threadUid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(queries.visitorThread(visitorUid, threadUid));
        } catch (RuntimeException notTheirs) {
            return Optional.empty();
        }
    }

    /** A status change that ends the chat for the visitor. */
    static boolean isEnd(JsonObject data) {
        JsonObject thread = data.getJsonObject("thread");
        return thread != null && ThreadStatus.CLOSED.name().equals(thread.getString("status", null));
    }

    static void closeQuietly(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException gone) {
            LOG.fine(() -> "visitor socket already gone: " + gone);
        }
    }

    private static String first(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
