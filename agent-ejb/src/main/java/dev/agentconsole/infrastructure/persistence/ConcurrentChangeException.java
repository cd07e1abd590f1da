package dev.agentconsole.infrastructure.persistence;

import jakarta.ejb.ApplicationException;

/**
 * Another transaction changed the same rows first (version conflict, lock timeout, deadlock, or a racing insert of the
 * same unique key). The transaction is rolled back; {@link ConflictRetry} runs it again on fresh data.
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
