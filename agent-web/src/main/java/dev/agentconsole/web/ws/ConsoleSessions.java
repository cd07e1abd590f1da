package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.AgentEventRecorded;
import dev.agentconsole.event.boundary.EventReplay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every open console socket, by agent. Pushes an agent's events to all of its consoles (tabs, iframes) once the
 * transaction that recorded them has committed; a rolled-back change is never seen. Every few seconds it also checks
 * each console against the agent's event log and fills what the push did not bring: a lost push, or a change
 * committed on another member of a cluster, arrives at most a few seconds late instead of never.
 */
@ApplicationScoped
public class ConsoleSessions {

    static final long CATCH_UP_SECONDS = 3;
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class.getName());

    private final Map<String, Set<ConsoleConnection>> byAgent = new ConcurrentHashMap<>();

    @Inject
    EventReplay replay;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> catchUpTask;

    @PostConstruct
    void startCatchUp() {
        if (scheduler != null) {
            catchUpTask = scheduler.scheduleWithFixedDelay(this::catchUp, CATCH_UP_SECONDS, CATCH_UP_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stopCatchUp() {
        if (catchUpTask != null) {
            catchUpTask.cancel(false);
        }
    }

    /** Brings every stuck console up to the log. */
    void catchUp() {
        for (Map.Entry<String, Set<ConsoleConnection>> agent : byAgent.entrySet()) {
            try {
                long latest = replay.latestSeq(agent.getKey());
                for (ConsoleConnection connection : agent.getValue()) {
                    OptionalLong stuckAt = connection.stuckBelow(latest);
                    if (stuckAt.isPresent()) {
                        EventReplay.Replay missed = replay.since(agent.getKey(), stuckAt.getAsLong());
                        if (missed.resync()) {
                            connection.resync(missed.latestSeq());
                        } else {
                            missed.events().forEach(connection::deliver);
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "catch-up failed for agent " + agent.getKey(), e);
            }
        }
    }

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
