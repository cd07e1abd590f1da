package dev.agentconsole.thread.boundary;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.persistence.ConcurrentChangeException;
import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.thread.control.IdleThreads;
import dev.agentconsole.thread.control.ThreadTransitions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes threads nobody wrote in for their idle time (reason {@code idle}). Every cluster member sweeps on its own
 * schedule: one indexed range scan reads the uids of threads past their deadline, oldest first and a bounded batch at a
 * time, and each is closed in its own transaction that locks the thread's row and checks the deadline again. Of
 * members sweeping the same thread, the first closes it and the others find it closed and do nothing; a message that
 * took the row first has moved the deadline and keeps the thread open.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdleSweep {

    /** Threads read per query; a run continues while batches come back full, up to {@link #MAX_PER_RUN}. */
    static final int BATCH = 100;
    /** Bounds one run's work, so a backlog (after downtime) is worked off over several runs. */
    static final int MAX_PER_RUN = 1_000;
    private static final Logger LOG = Logger.getLogger(IdleSweep.class.getName());

    @EJB
    IdleThreads idleThreads;

    @EJB
    ThreadTransitions transitions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How often this member looks for idle threads: a thread closes at most this long after its deadline. */
    @Inject
    @Setting(value = "agent.thread.idle-sweep-interval", defaultValue = "PT10S")
    Duration interval;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean failing;
    private ScheduledFuture<?> task;

    @PostConstruct
    void schedule() {
        if (scheduler != null && interval != null && !interval.isZero() && !interval.isNegative()) {
            long millis = interval.toMillis();
            task = scheduler.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run() {
        // A slow run is never overlapped by the next one on this member.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            sweep(Instant.now());
            failing = false;
        } catch (RuntimeException e) {
            // The next run tries again; a database outage must not stop the schedule or fill the log: one line
            // when the sweep starts failing, details at FINE.
            if (!failing) {
                LOG.warning(() -> "idle sweep failed (retried every " + interval + "): " + e);
            }
            failing = true;
            LOG.log(Level.FINE, "idle sweep failed", e);
        } finally {
            running.set(false);
        }
    }

    /** Closes the threads idle at {@code now}; answers how many this member closed. */
    public int sweep(Instant now) {
        int closed = 0;
        int seen = 0;
        while (seen < MAX_PER_RUN) {
            List<String> due = idleThreads.due(now, Math.min(BATCH, MAX_PER_RUN - seen));
            for (String uid : due) {
                if (closeOne(uid, now)) {
                    closed++;
                }
            }
            seen += due.size();
            if (due.size() < BATCH || closed == 0) {
                // A short batch was the last; a full one that closed nothing was taken by other members.
                break;
            }
        }
        return closed;
    }

    private boolean closeOne(String uid, Instant now) {
        try {
            return transitions.closeIfIdle(uid, now);
        } catch (ConcurrentChangeException | RecordNotFoundException e) {
            LOG.fine(() -> "idle close of " + uid + " left to another member: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // One thread that cannot be closed must not hold up the others; it is still due and tried next run.
            LOG.warning(() -> "idle close of thread " + uid + " failed: " + e);
            LOG.log(Level.FINE, "idle close failed", e);
            return false;
        }
    }
}
