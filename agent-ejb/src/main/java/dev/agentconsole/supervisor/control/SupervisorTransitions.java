package dev.agentconsole.supervisor.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.workgroup.Workgroup;
import dev.agentconsole.routing.control.ThreadRouter;
import dev.agentconsole.supervisor.boundary.NotSupervisorException;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.thread.control.ThreadHolders;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;

/**
 * One transaction per supervisor move on a queued thread, announced like the router's own moves: the chosen agent
 * hears of its new thread on its stream, the queue's members see it leave on the workgroup's stream, the visitor
 * sees it change. Loses races on the thread's and agents' versions and is retried by the caller.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(ConflictDetector.class)
public class SupervisorTransitions {

    @Inject
    Records records;

    @Inject
    ThreadRouter router;

    @Inject
    ThreadHolders holders;

    @Inject
    UnreadCounts unread;

    @Inject
    EventLog eventLog;

    public ThreadView assign(String supervisorUid, String threadUid, String agentUid) {
        Instant now = Instant.now();
        Agent supervisor = supervisor(supervisorUid);
        ChatThread thread = records.threadOf(supervisor.getOrganisation(), threadUid);
        Agent target = records.agentOf(supervisor.getOrganisation(), agentUid);
        thread.assignBySupervisor(target, now);
        holders.record(thread, target, now);
        EventBatch batch = new EventBatch().visitorSees(thread, ThreadAction.ASSIGNED);
        batch.add(target, EventType.NEW_VISITOR_MESSAGE, EventPayloads.newVisitorThread(thread));
        batch.add(target, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.ASSIGNED));
        unread.add(target, thread, thread.takeUnreadWhileQueued(), batch);
        batch.toWorkgroup(thread.getWorkgroup(), EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.ASSIGNED), target);
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    public ThreadView move(String supervisorUid, String threadUid, String workgroupUid) {
        Instant now = Instant.now();
        Agent supervisor = supervisor(supervisorUid);
        ChatThread thread = records.threadOf(supervisor.getOrganisation(), threadUid);
        Workgroup target = records.workgroupOf(supervisor.getOrganisation(), workgroupUid);
        Workgroup from = thread.getWorkgroup();
        thread.moveQueueTo(target, now);
        // The old queue's members drop it (it is now queued in a workgroup they may not serve) ...
        EventBatch batch = new EventBatch().toWorkgroup(from, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.TRANSFERRED), null);
        // ... and the new workgroup gets it like a fresh arrival: an agent now if one is free, else its queue.
        router.route(thread, batch, now, null);
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    private Agent supervisor(String agentUid) {
        Agent agent = records.agent(agentUid);
        if (!agent.hasRole(AgentRole.SUPERVISOR)) {
            throw new NotSupervisorException(agentUid);
        }
        return agent;
    }
}
