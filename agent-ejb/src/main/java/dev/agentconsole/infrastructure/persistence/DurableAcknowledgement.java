package dev.agentconsole.infrastructure.persistence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A change is answered 2xx only once it would survive a crash of the process. On PostgreSQL the commit already is; on
 * the embedded database each caller waits for a checkpoint that started after its commit. Callers that commit while a
 * checkpoint runs share the next one (group commit), so under load there is about one checkpoint per batch of commits,
 * not one per request.
 */
@ApplicationScoped
public class DurableAcknowledgement {

    @EJB
    EmbeddedCheckpoint checkpoint;

    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock writing = new ReentrantLock();
    /** Commits up to this count are on disk. Guarded by {@link #writing}. */
    private long written;
    private volatile Boolean needed;

    /** Called after a transaction committed; returns when it is durable. */
    public void committed() {
        if (!isNeeded()) {
            return;
        }
        long mine = committed.incrementAndGet();
        writing.lock();
        try {
            if (written >= mine) {
                return;
            }
            long upTo = committed.get();
            checkpoint.checkpoint();
            written = upTo;
        } finally {
            writing.unlock();
        }
    }

    private boolean isNeeded() {
        Boolean known = needed;
        if (known == null) {
            known = checkpoint.isNeeded();
            needed = known;
        }
        return known;
    }
}
