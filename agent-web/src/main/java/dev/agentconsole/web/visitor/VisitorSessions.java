package dev.agentconsole.web.visitor;

import dev.agentconsole.event.boundary.VisitorNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Open visitor chat sockets by thread; pushes committed agent replies and status changes to them. */
@ApplicationScoped
public class VisitorSessions {

    private final Map<String, Set<Session>> byThread = new ConcurrentHashMap<>();

    void add(String threadUid, Session session) {
        byThread.computeIfAbsent(threadUid, uid -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(String threadUid, Session session) {
        byThread.computeIfPresent(threadUid, (uid, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) VisitorNotice notice) {
        Set<Session> sessions = byThread.get(notice.threadUid());
        if (sessions == null) {
            return;
        }
        String frame = Json.createObjectBuilder()
                .add("type", notice.type())
                .add("data", Json.createReader(new StringReader(notice.data())).readObject())
                .build().toString();
        for (Session session : sessions) {
            if (session.isOpen()) {
                // A visitor page that falls behind reloads missed messages with GET ...?after=; never block here.
                session.getAsyncRemote().sendText(frame);
            }
        }
    }
}
