package dev.agentconsole.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.DomainRuleException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    @Test
    void retriesConflictsUntilTheTransactionGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();
        String result = ConflictRetry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentChangeException("lost a race", null);
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void domainRefusalsAreFinal() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(DomainRuleException.class, () -> ConflictRetry.run(() -> {
            attempts.incrementAndGet();
            throw new DomainRuleException("thread_closed", "closed");
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(ConcurrentChangeException.class, () -> ConflictRetry.run(() -> {
            attempts.incrementAndGet();
            throw new EJBException(new OptimisticLockException("stale"));
        }));
        assertEquals(ConflictRetry.ATTEMPTS, attempts.get());
    }

    @Test
    void recognisesConflictsByTypeAndSqlState() {
        assertTrue(ConflictDetector.isConflict(new PersistenceException(new SQLException("dup", "23505"))));
        assertTrue(ConflictDetector.isConflict(new PersistenceException(new SQLException("deadlock", "40P01"))));
        assertTrue(ConflictDetector.isConflict(new OptimisticLockException("stale")));
        assertFalse(ConflictDetector.isConflict(new PersistenceException(new SQLException("syntax", "42601"))));
        assertFalse(ConflictDetector.isConflict(new IllegalStateException("bug")));
    }
}
