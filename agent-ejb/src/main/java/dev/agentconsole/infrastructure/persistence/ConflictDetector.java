package dev.agentconsole.infrastructure.persistence;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Flushes at the end of a transactional method, inside the transaction, so that version conflicts and racing inserts
 * surface here as {@link ConcurrentChangeException} instead of as a failed commit that the container logs as a
 * system error.
 */
public class ConflictDetector {

    /** Unique violation, serialization failure, PostgreSQL deadlock, H2 lock timeout. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "HYT00");

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @AroundInvoke
    public Object flushAndTranslate(InvocationContext invocation) throws Exception {
        try {
            Object result = invocation.proceed();
            em.flush();
            return result;
        } catch (PersistenceException e) {
            if (isConflict(e)) {
                throw new ConcurrentChangeException("concurrent change: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.EntityExistsException
                    || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
