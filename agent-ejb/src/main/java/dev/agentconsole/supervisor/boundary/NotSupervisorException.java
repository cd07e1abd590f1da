package dev.agentconsole.supervisor.boundary;

import jakarta.ejb.ApplicationException;

/** The caller is an agent of the organisation but holds no supervisor role: refused (403), nothing changed. */
@ApplicationException(rollback = true)
public class NotSupervisorException extends RuntimeException {

    public NotSupervisorException(String agentUid) {
        super("agent " + agentUid + " is not a supervisor");
    }
}
