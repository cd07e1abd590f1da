package dev.agentconsole.bench.bare;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open sockets, grouped by the key they connected with. The agent console pushes a message to one agent's consoles,
 * so the baseline can address one key to keep the fan-out the same; without a key it sends to every socket.
 */
@ApplicationScoped
public class BareSessions {

    private final Map<String, Set<Session>> byKey = new ConcurrentHashMap<>();

    void add(String key, Session session) {
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(String key, Session session) {
        Set<Session> sessions = byKey.get(key);
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    /** @return how many sockets the text went to */
    int send(String key, String text) {
        Collection<Set<Session>> targets = key == null ? byKey.values() : List.of(byKey.getOrDefault(key, Set.of()));
        int sent = 0;
        for (Set<Session> sessions : targets) {
            for (Session session : sessions) {
                if (session.isOpen()) {
                    session.getAsyncRemote().sendText(text);
                    sent++;
                }
            }
        }
        return sent;
    }
}
