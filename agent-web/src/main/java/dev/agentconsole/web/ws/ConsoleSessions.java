package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.AgentEventRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open console socket, by agent. Pushes an agent's events to all of its consoles (tabs, iframes) once the
 * transaction that recorded them has committed; a rolled-back change is never seen.
 */
@ApplicationScoped
public class ConsoleSessions {

    private final Map<String, Set<ConsoleConnection>> byAgent = new ConcurrentHashMap<>();

    void add(ConsoleConnection connection) {
        byAgent.computeIfAbsent(connection.agentUid(), uid -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(ConsoleConnection connection) {
        byAgent.computeIfPresent(connection.agentUid(), (uid, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    public int openConsoles(String agentUid) {
        Set<ConsoleConnection> connections = byAgent.get(agentUid);
        return connections == null ? 0 : connections.size();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEventRecorded event) {
        Set<ConsoleConnection> connections = byAgent.get(event.agentUid());
        if (connections != null) {
            connections.forEach(connection -> connection.deliver(event));
        }
    }
}
