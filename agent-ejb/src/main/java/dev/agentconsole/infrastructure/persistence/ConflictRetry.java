package dev.agentconsole.infrastructure.persistence;

import jakarta.ejb.EJBException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a transaction again when it lost a race. Each attempt must be its own transaction (a REQUIRED business method
 * called from outside any transaction), so the retry re-reads what the winner committed: a second agent accepting a
 * thread then gets the domain's "already taken", and a router that lost a capacity race picks again.
 */
public final class ConflictRetry {

    static final int ATTEMPTS = 8;
    private static final Logger LOG = Logger.getLogger(ConflictRetry.class.getName());

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> transaction) {
        ConcurrentChangeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                T result = transaction.get();
                if (attempt > 1) {
                    int retries = attempt - 1;
                    LOG.fine(() -> "change committed after " + retries + " conflict retries");
                }
                return result;
            } catch (ConcurrentChangeException e) {
                last = e;
            } catch (EJBException e) {
                // A conflict the flush did not catch fails the commit itself.
                if (!ConflictDetector.isConflict(e)) {
                    throw e;
                }
                last = new ConcurrentChangeException("concurrent change at commit", e);
            }
            backOff(attempt);
        }
        // Expected under contention: one line, no stack (the caller answers 409).
        String reason = String.valueOf(last.getMessage());
        LOG.info(() -> "change given up after " + ATTEMPTS + " conflicting attempts: "
                + reason.substring(0, Math.min(200, reason.length())));
        throw last;
    }

    /** Jittered, growing pause so that racers do not collide again in lockstep. */
    private static void backOff(int attempt) {
        long ceilingMillis = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a conflicting change", e);
        }
    }
}
