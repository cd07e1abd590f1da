package dev.agentconsole.web.ws;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.infrastructure.config.Setting;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent whose last console socket has been gone for the grace period ({@code agent.presence.grace}, default 60 s)
 * goes OFFLINE with cause DISCONNECTED: it is not routed new threads, and threads offered but not accepted go back to
 * the queue. A reload or a short network drop reconnects well inside the grace period and changes nothing.
 */
@ApplicationScoped
public class AgentPresence {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(AgentPresence.class.getName());

    @Inject
    @Setting(value = "agent.presence.grace", defaultValue = "PT60S")
    Duration configuredGrace;

    @EJB
    AgentStatusService statuses;

    private final Map<String, Long> checksRun = new ConcurrentHashMap<>();
    private volatile Duration override;

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

    /** Called when an agent's last console on this member closed; {@code stillGone} is asked after the grace. */
    void lastConsoleClosed(String agentUid, BooleanSupplier stillGone) {
        if (scheduler == null) {
            return;
        }
        scheduler.schedule(() -> {
            try {
                if (stillGone.getAsBoolean()) {
                    statuses.disconnected(agentUid);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "could not mark agent " + agentUid + " disconnected: " + e);
            } finally {
                checksRun.merge(agentUid, 1L, Long::sum);
            }
        }, grace().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
