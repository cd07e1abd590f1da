package dev.agentconsole.model;

import jakarta.ejb.ApplicationException;

/**
 * A request that the domain refuses (an illegal state transition, a full agent, a foreign thread). Thrown before anything
 * is changed, and rolls the transaction back so a refused change is never half done. The REST layer answers 409.
 */
@ApplicationException(rollback = true)
public class DomainRuleException extends RuntimeException {

    private final String code;

    public DomainRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable, machine-readable reason, e.g. {@code thread_already_taken}. */
    public String getCode() {
        return code;
    }
}
