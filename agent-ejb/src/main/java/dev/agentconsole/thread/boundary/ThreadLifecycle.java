package dev.agentconsole.thread.boundary;

import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.thread.control.ThreadTransitions;
import jakarta.ejb.EJB;
import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * What the outside calls to move a thread through its life. Runs outside any transaction on purpose: each call is one
 * {@link ThreadTransitions} transaction, repeated on fresh data when it lost a race. Refusals
 * ({@link dev.agentconsole.model.DomainRuleException}) are final and not retried.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(AcknowledgeDurably.class)
public class ThreadLifecycle {

    @EJB
    ThreadTransitions transitions;

    /** A visitor opens a thread in a workgroup; a null visitorUid creates a new visitor with that nickname. */
    public ThreadView open(String workgroupUid, String visitorUid, String nickname, String topic) {
        return ConflictRetry.run(() -> transitions.open(workgroupUid, visitorUid, nickname, topic));
    }

    public ThreadView accept(String agentUid, String threadUid) {
        return ConflictRetry.run(() -> transitions.accept(agentUid, threadUid));
    }

    public ThreadView transferToAgent(String agentUid, String threadUid, String targetAgentUid) {
        return ConflictRetry.run(() -> transitions.transferToAgent(agentUid, threadUid, targetAgentUid));
    }

    public ThreadView transferToWorkgroup(String agentUid, String threadUid, String workgroupUid) {
        return ConflictRetry.run(() -> transitions.transferToWorkgroup(agentUid, threadUid, workgroupUid));
    }

    public ThreadView close(String agentUid, String threadUid) {
        return ConflictRetry.run(() -> transitions.close(agentUid, threadUid));
    }

    public ThreadView closeByVisitor(String visitorUid, String threadUid) {
        return ConflictRetry.run(() -> transitions.closeByVisitor(visitorUid, threadUid));
    }

    public ThreadView reopen(String agentUid, String threadUid) {
        return ConflictRetry.run(() -> transitions.reopen(agentUid, threadUid));
    }
}
