package dev.agentconsole.supervisor.boundary;

import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.supervisor.control.SupervisorTransitions;
import dev.agentconsole.thread.boundary.ThreadView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;

/**
 * A supervisor's moves on a queued thread. Outside any transaction on purpose, like
 * {@link dev.agentconsole.thread.boundary.ThreadLifecycle}: each attempt is one transaction, repeated on fresh data
 * when it lost a race; a refusal is final.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(AcknowledgeDurably.class)
public class SupervisorActions {

    @EJB
    SupervisorTransitions transitions;

    /** Hands a queued thread to the chosen agent, who must accept it; refused when that agent is offline or full. */
    public ThreadView assign(String supervisorUid, String threadUid, String agentUid) {
        return ConflictRetry.run(() -> transitions.assign(supervisorUid, threadUid, agentUid));
    }

    /** Moves a queued thread to another workgroup of the organisation, where it is routed again. */
    public ThreadView move(String supervisorUid, String threadUid, String workgroupUid) {
        return ConflictRetry.run(() -> transitions.move(supervisorUid, threadUid, workgroupUid));
    }
}
