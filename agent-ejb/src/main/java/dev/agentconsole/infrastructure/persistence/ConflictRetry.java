package dev.agentconsole.infrastructure.persistence;

import jakarta.ejb.EJBException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost a race. Each attempt must be its own transaction (a REQUIRED business method
 * called from outside any transaction), so the retry re-reads what the winner committed: a second agent accepting a
 * thread then gets the domain's "already taken", and a router that lost a capacity race picks again.
 */
public final class ConflictRetry {

    static final int ATTEMPTS = 8;

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> transaction) {
        ConcurrentChangeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transaction.get();
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
