package dev.agentconsole.agent.boundary;

import dev.agentconsole.agent.control.AgentStatusTransitions;
import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import jakarta.ejb.EJB;
import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Status changes from the console, the host page, an administrator or the system; retried when they lose a race. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(AcknowledgeDurably.class)
public class AgentStatusService {

    @EJB
    AgentStatusTransitions transitions;

    public AgentView change(String agentUid, AgentStatus status, StatusCause cause) {
        return ConflictRetry.run(() -> transitions.change(agentUid, status, cause));
    }

    /** Every console of the agent has been gone for the presence grace period: it goes OFFLINE (if it is not). */
    public AgentView disconnected(String agentUid) {
        return change(agentUid, AgentStatus.OFFLINE, StatusCause.DISCONNECTED);
    }
}
