package dev.agentconsole.web.visitor;

import dev.agentconsole.web.ws.SocketSends;
import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.event.boundary.VisitorNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Open visitor chat sockets by thread; pushes committed agent replies and status changes to them. */
@ApplicationScoped
public class VisitorSessions {

    private final Map<String, Set<Session>> byThread = new ConcurrentHashMap<>();

    void add(String threadUid, Session session) {
        // Added inside compute(), under the key's lock: never into a set that remove() is dropping.
        byThread.compute(threadUid, (uid, set) -> {
            Set<Session> target = set == null ? ConcurrentHashMap.newKeySet() : set;
            target.add(session);
            return target;
        });
    }

    void remove(String threadUid, Session session) {
        byThread.computeIfPresent(threadUid, (uid, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) VisitorNotice notice) {
        deliver(notice);
    }

    /** A committed notice, from this member's transaction or another member's (through the cluster bus). */
    public void deliver(VisitorNotice notice) {
        Set<Session> sessions = byThread.get(notice.threadUid());
        if (sessions == null) {
            return;
        }
        JsonObject data = Jsons.parseObject(notice.data());
        String frame = Jsons.object()
                .add("type", notice.type())
                .add("data", data)
                .build().toString();
        boolean ended = VisitorSocket.isEnd(data);
        for (Session session : sessions) {
            if (session.isOpen()) {
                // A visitor page that falls behind reloads missed messages with GET ...?after=; never block here.
                if (ended) {
                    // Closed once the last frame is written (or failed): a close racing the write on another thread
                    // made the container log stack traces, and the page must hear the frame before the close.
                    SocketSends.sendText(session, frame,
                            written -> VisitorSocket.closeQuietly(session, VisitorSocket.CHAT_ENDED));
                } else {
                    SocketSends.sendText(session, frame);
                }
            }
        }
    }
}
