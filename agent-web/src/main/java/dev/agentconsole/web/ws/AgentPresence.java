package dev.agentconsole.web.ws;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.session.boundary.ConsolePresences;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent whose last console socket has been gone for the grace period ({@code agent.presence.grace}, default 60 s)
 * goes OFFLINE with cause DISCONNECTED: it is not routed new threads, and threads offered but not accepted go back to
 * the queue. A reload or a short network drop reconnects well inside the grace period and changes nothing.
 *
 * <p>With several cluster members, the agent may still have a console on another member: each member records in the
 * database which agents have a console open on it (a row when the first opens, gone when the last closes) and
 * renews its own liveness every {@link #HEARTBEAT}; the agent is marked disconnected only if no live member has one.
 * A member that falls silent (killed) is noticed by the others' heartbeats: its agents that have no console anywhere
 * else are marked disconnected, and its rows removed.
 */
@ApplicationScoped
public class AgentPresence {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    /** How often this member renews its liveness while it has consoles; three missed renewals and it is gone. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** Agents of silent members handled per heartbeat; more wait for the next one. */
    static final int STRANDED_BATCH = 500;
    private static final int STRIPES = 64;
    private static final Logger LOG = Logger.getLogger(AgentPresence.class.getName());

    @Inject
    @Setting(value = "agent.presence.grace", defaultValue = "PT60S")
    Duration configuredGrace;

    @EJB
    AgentStatusService statuses;

    @EJB
    ConsolePresences presences;

    /** This member, for as long as it runs: a restarted member is a new one, and its old rows stop counting. */
    private final String member = UUID.randomUUID().toString();
    private final Map<String, Long> checksRun = new ConcurrentHashMap<>();
    /** A write of an agent's presence and the state it writes are taken together, so writes never cross. */
    private final Object[] stripes = new Object[STRIPES];
    private volatile Duration override;
    /** Agents recorded as having a console open on this member. */
    private final Set<String> recordedOpen = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeat;

    {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Grace-period checks completed for this agent so far (tests wait for the next one instead of sleeping). */
    public long checksRun(String agentUid) {
        return checksRun.getOrDefault(agentUid, 0L);
    }

    /** Replaces the configured grace period until the next restart (tests use seconds, not a minute). */
    public void overrideGrace(Duration grace) {
        this.override = grace;
    }

    Duration grace() {
        Duration grace = override != null ? override : configuredGrace;
        return grace == null || grace.isNegative() ? DEFAULT_GRACE : grace;
    }

    /** Called when an agent's first console on this member opened; {@code openHere} is the state to record. */
    void firstConsoleOpened(String agentUid, BooleanSupplier openHere) {
        startHeartbeat();
        record(agentUid, openHere);
    }

    /** Called when an agent's last console on this member closed; {@code stillGone} is asked after the grace. */
    void lastConsoleClosed(String agentUid, BooleanSupplier stillGone) {
        record(agentUid, () -> !stillGone.getAsBoolean());
        if (scheduler == null) {
            return;
        }
        scheduler.schedule(() -> {
            try {
                if (stillGone.getAsBoolean() && !openElsewhere(agentUid)) {
                    statuses.disconnected(agentUid);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "could not mark agent " + agentUid + " disconnected: " + e);
            } finally {
                checksRun.merge(agentUid, 1L, Long::sum);
            }
        }, grace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean openElsewhere(String agentUid) {
        return presences != null && presences.openElsewhere(agentUid, member, liveAfter(Instant.now()));
    }

    /** A member heard from after this is alive: three heartbeats may be missed. */
    private static Instant liveAfter(Instant now) {
        return now.minus(HEARTBEAT.multipliedBy(3));
    }

    private void record(String agentUid, BooleanSupplier openHere) {
        if (presences == null) {
            return;
        }
        synchronized (stripes[Math.floorMod(agentUid.hashCode(), STRIPES)]) {
            boolean open = openHere.getAsBoolean();
            if (open) {
                recordedOpen.add(agentUid);
            } else {
                recordedOpen.remove(agentUid);
            }
            try {
                presences.record(member, agentUid, open, Instant.now());
            } catch (RuntimeException e) {
                // Only another member's view of this agent suffers; the next open or close writes it again.
                LOG.log(Level.FINE, "could not record the console presence of agent " + agentUid, e);
            }
        }
    }

    private synchronized void startHeartbeat() {
        if (heartbeat != null || scheduler == null || presences == null) {
            return;
        }
        beat();
        long millis = HEARTBEAT.toMillis();
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            Instant now = Instant.now();
            if (!presences.heartbeat(member, now)) {
                // Taken for dead after a long pause (its rows were removed), or new: say again what is open here.
                for (String agentUid : recordedOpen) {
                    record(agentUid, () -> recordedOpen.contains(agentUid));
                }
            }
            sweepSilentMembers(now);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "console presence heartbeat failed", e);
        }
    }

    /**
     * Members silent for three heartbeats stopped without leaving: their agents with no console here or on another
     * live member are marked disconnected, as their own member would have done, and the silent members are forgotten.
     * Several live members may do this at once; marking an agent disconnected twice changes nothing the second time.
     */
    public void sweepSilentMembers(Instant now) {
        Instant silentBefore = liveAfter(now);
        for (String agentUid : presences.agentsOfSilentMembers(silentBefore, STRANDED_BATCH)) {
            try {
                if (!recordedOpen.contains(agentUid) && !openElsewhere(agentUid)) {
                    statuses.disconnected(agentUid);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "could not mark agent " + agentUid + " disconnected: " + e);
            }
        }
        presences.forgetSilentMembers(silentBefore);
    }

    @PreDestroy
    void leave() {
        synchronized (this) {
            if (heartbeat == null) {
                return;
            }
            heartbeat.cancel(false);
        }
        try {
            presences.leave(member);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not remove this member's console presence", e);
        }
    }
}
