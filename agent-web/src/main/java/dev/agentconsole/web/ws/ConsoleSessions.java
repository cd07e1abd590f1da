package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.auth.SignedOutSessions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import dev.agentconsole.infrastructure.config.Setting;

/**
 * Every open console socket, by the streams it follows and by agent. Pushes each committed event to the consoles
 * following its stream, with one frame for all of them: a workgroup's queue event is one row and one string however
 * many members are online. A rolled-back change is never seen.
 *
 * <p>Every few seconds one statement reads the heads of all streams with an open console here; a console that has
 * not moved while its stream's head is ahead (a lost push, a gap that did not fill, a change committed on another
 * cluster member) is filled from the log. The same tick closes consoles that stopped pinging, and those whose
 * credential expired or whose session was signed out of (on any member).
 */
@ApplicationScoped
public class ConsoleSessions {

    static final Duration CATCH_UP_DEFAULT = Duration.ofSeconds(3);
    /** The console pings every 25 s; a console silent for longer than this is dead. */
    static final long SILENCE_LIMIT_SECONDS = 75;
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class.getName());
    private static final String AGENT_DISABLED = EventType.AGENT_DISABLED.wireName();

    private final Map<String, Set<ConsoleConnection>> byStream = new ConcurrentHashMap<>();
    private final Map<String, Set<ConsoleConnection>> byAgent = new ConcurrentHashMap<>();

    @Inject
    EventReplay replay;

    @Inject
    AgentPresence presence;

    @Inject
    SignedOutSessions signedOut;

    @Inject
    SupervisorBoardPush boards;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * How often stuck consoles are caught up from the log, sign-outs read and silent sockets closed. With a cluster
     * bus this is only the safety net and may be longer.
     */
    @Inject
    @Setting(value = "agent.console.catch-up-interval", defaultValue = "PT3S")
    Duration catchUpInterval;

    private ScheduledFuture<?> catchUpTask;

    @PostConstruct
    void startCatchUp() {
        if (scheduler != null) {
            long millis = (catchUpInterval == null ? CATCH_UP_DEFAULT : catchUpInterval).toMillis();
            catchUpTask = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stopCatchUp() {
        if (catchUpTask != null) {
            catchUpTask.cancel(false);
        }
    }

    private void tick() {
        try {
            Predicate<String> signedOutSession = session -> false;
            if (signedOut != null) {
                signedOut.refresh();
                signedOutSession = signedOut::isSignedOut;
            }
            closeSilentOrEnded(System.nanoTime() - TimeUnit.SECONDS.toNanos(SILENCE_LIMIT_SECONDS),
                    System.currentTimeMillis(), signedOutSession);
            catchUp();
        } catch (RuntimeException e) {
            // The next tick tries again; a database outage must not stop the schedule.
            LOG.log(Level.FINE, "console catch-up failed", e);
        }
    }

    /** Brings every stuck console up to the log: one statement for all heads, reads only where a console is stuck. */
    void catchUp() {
        Set<String> streams = new HashSet<>(byStream.keySet());
        if (streams.isEmpty()) {
            return;
        }
        Map<String, Long> heads = replay.heads(streams);
        heads.forEach((stream, head) -> {
            for (ConsoleConnection connection : byStream.getOrDefault(stream, Set.of())) {
                OptionalLong stuckAt = connection.stuckBelow(stream, head);
                if (stuckAt.isPresent()) {
                    EventReplay.Replay missed = replay.sinceInStream(stream, stuckAt.getAsLong());
                    connection.caughtUp(stream, missed);
                    // The bus lost the disabling event: the catch-up ends the agent's console instead.
                    if (missed.events().stream().anyMatch(event -> AGENT_DISABLED.equals(event.type()))) {
                        endSession(connection, "agent disabled");
                    }
                }
            }
        });
    }

    /**
     * One walk over this member's consoles per tick closes those that stopped pinging (the container's idle timeout is
     * off for console sockets: it re-armed a timer through the managed executor on every send), and closes (1008)
     * those whose credential expired without a renewal reaching the socket, or whose session was signed out of, on
     * this member or another.
     */
    void closeSilentOrEnded(long heardBeforeNanos, long nowMillis, Predicate<String> signedOutSession) {
        for (Set<ConsoleConnection> connections : byAgent.values()) {
            for (ConsoleConnection connection : connections) {
                String sessionId = connection.sessionId();
                if (connection.silentSince(heardBeforeNanos)) {
                    connection.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no ping"));
                    remove(connection);
                } else if (sessionId != null && signedOutSession.test(sessionId)) {
                    endSession(connection, "signed out");
                } else if (connection.credentialExpiredAt(nowMillis)) {
                    endSession(connection, "credential expired");
                }
            }
        }
    }

    /** {@link #closeSilentOrEnded} leaving out silence (nanosecond times compare only by difference). */
    void closeEnded(long nowMillis, Predicate<String> signedOutSession) {
        closeSilentOrEnded(System.nanoTime() - TimeUnit.DAYS.toNanos(365), nowMillis, signedOutSession);
    }

    /** A logout on this member: its sockets here close now, not at the next tick. */
    void onSignedOut(@Observes ConsoleCredentials.SessionEnded ended) {
        endSession(ended.sessionId());
    }

    /** Closes (1008) this member's sockets of a login session that was signed out of (here or on another member). */
    public void endSession(String sessionId) {
        for (Set<ConsoleConnection> connections : byAgent.values()) {
            for (ConsoleConnection connection : connections) {
                if (sessionId.equals(connection.sessionId())) {
                    endSession(connection, "signed out");
                }
            }
        }
    }

    private void endSession(ConsoleConnection connection, String reason) {
        connection.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        remove(connection);
    }

    void add(ConsoleConnection connection) {
        // compute() holds the key's lock: a set being emptied and dropped by remove() is never the one added to.
        for (String stream : connection.streams()) {
            byStream.compute(stream, (key, set) -> with(set, connection));
        }
        boolean[] firstOne = new boolean[1];
        byAgent.compute(connection.agentUid(), (key, set) -> {
            firstOne[0] = set == null;
            return with(set, connection);
        });
        if (firstOne[0] && presence != null) {
            presence.firstConsoleOpened(connection.agentUid(), () -> openConsoles(connection.agentUid()) > 0);
        }
    }

    void remove(ConsoleConnection connection) {
        for (String stream : connection.streams()) {
            byStream.computeIfPresent(stream, (key, set) -> without(set, connection));
        }
        // Only the removal that empties the agent's set counts: a connection may be removed twice (closed by the tick,
        // then its close callback).
        boolean[] lastOne = new boolean[1];
        byAgent.computeIfPresent(connection.agentUid(), (key, set) -> {
            Set<ConsoleConnection> left = without(set, connection);
            lastOne[0] = left == null;
            return left;
        });
        if (lastOne[0] && presence != null) {
            presence.lastConsoleClosed(connection.agentUid(), () -> openConsoles(connection.agentUid()) == 0);
        }
    }

    private static Set<ConsoleConnection> with(Set<ConsoleConnection> set, ConsoleConnection connection) {
        Set<ConsoleConnection> target = set == null ? ConcurrentHashMap.newKeySet() : set;
        target.add(connection);
        return target;
    }

    private static Set<ConsoleConnection> without(Set<ConsoleConnection> set, ConsoleConnection connection) {
        set.remove(connection);
        return set.isEmpty() ? null : set;
    }

    public int openConsoles(String agentUid) {
        Set<ConsoleConnection> connections = byAgent.get(agentUid);
        return connections == null ? 0 : connections.size();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEventRecorded event) {
        deliver(event);
    }

    /** A committed event, from this member's transaction or another member's (through the cluster bus). */
    public void deliver(StreamEventRecorded event) {
        if (boards != null) {
            boards.noticed(event);
        }
        Set<ConsoleConnection> connections = byStream.get(event.stream());
        if (connections == null) {
            return;
        }
        String frame = Frames.event(event);
        for (ConsoleConnection connection : connections) {
            connection.deliver(event.stream(), event.seq(), event.isFor(connection.agentUid()) ? frame : null);
        }
        if (AGENT_DISABLED.equals(event.type()) && EventStreams.isAgentStream(event.stream())) {
            // An administrator disabled the agent (on any member): its consoles here end, after that frame.
            connections.forEach(connection -> endSession(connection, "agent disabled"));
        }
    }
}
