package dev.agentconsole.bench.bare;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;

/** {@code /bare/ws?key=K}: receives what is posted for K (or for everyone); answers pings like the console socket. */
@ServerEndpoint("/ws")
public class BareSocket {

    private static final String KEY = "bare.key";

    @Inject
    BareSessions sessions;

    @OnOpen
    public void open(Session session) {
        List<String> keys = session.getRequestParameterMap().get("key");
        String key = keys == null || keys.isEmpty() ? "" : keys.get(0);
        session.getUserProperties().put(KEY, key);
        session.setMaxIdleTimeout(75_000);
        sessions.add(key, session);
    }

    @OnMessage
    public void message(Session session, String text) {
        if (text.contains("\"ping\"")) {
            session.getAsyncRemote().sendText("{\"type\":\"pong\"}");
        }
    }

    @OnClose
    public void close(Session session) {
        Object key = session.getUserProperties().get(KEY);
        if (key != null) {
            sessions.remove((String) key, session);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        close(session);
    }
}
