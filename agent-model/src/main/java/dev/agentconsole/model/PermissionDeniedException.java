package dev.agentconsole.model;

import jakarta.ejb.ApplicationException;

/**
 * The caller can see the record but its role does not allow the change (e.g. an agent editing the organisation's
 * quick replies). Thrown before anything is changed; the REST layer answers 403.
 */
@ApplicationException(rollback = true)
public class PermissionDeniedException extends RuntimeException {

    public PermissionDeniedException(String message) {
        super(message);
    }
}
