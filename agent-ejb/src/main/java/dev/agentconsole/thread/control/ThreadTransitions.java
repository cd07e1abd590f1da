package dev.agentconsole.thread.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.CloseReason;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import dev.agentconsole.routing.control.ThreadRouter;
import dev.agentconsole.thread.boundary.ThreadView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * One transaction per thread transition: load, let the entity check and apply the move, route what the move freed or
 * queued, and record the events. Called through {@link dev.agentconsole.thread.boundary.ThreadLifecycle}, which
 * retries on conflicts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(ConflictDetector.class)
public class ThreadTransitions {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    ThreadRouter router;

    @Inject
    UnreadCounts unread;

    @Inject
    EventLog eventLog;

    @Inject
    ThreadAccess access;

    @Inject
    ThreadHolders holders;

    @Inject
    IdleDeadlines idle;

    /** Queue cap of workgroups that have none of their own. */
    @Inject
    @Setting(value = "agent.visitor.queue-cap", defaultValue = "200")
    int defaultQueueCap;

    /** Refused with {@link dev.agentconsole.model.workgroup.QueueFullException} before anything is written. */
    public ThreadView open(String workgroupUid, String visitorUid, String nickname, String topic) {
        Instant now = Instant.now();
        Workgroup workgroup = records.workgroupForQueueing(workgroupUid);
        workgroup.admitVisitorThread(em.createNamedQuery(ChatThread.COUNT_QUEUED_IN, Long.class)
                .setParameter("workgroup", workgroup).getSingleResult(), defaultQueueCap);
        Visitor visitor;
        if (visitorUid != null && !visitorUid.isBlank()) {
            visitor = records.visitor(visitorUid);
            if (!visitor.getOrganisation().equals(workgroup.getOrganisation())) {
                throw new DomainRuleException("foreign_visitor", "visitor belongs to another organisation");
            }
            visitor.seen(now);
        } else {
            visitor = new Visitor(workgroup.getOrganisation(), nickname, now);
            em.persist(visitor);
        }
        ChatThread thread = ChatThread.openInWorkgroup(visitor, workgroup, topic, now);
        idle.renew(thread, now);
        em.persist(thread);
        EventBatch batch = new EventBatch();
        router.route(thread, batch, now, null);
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    public ThreadView accept(String agentUid, String threadUid) {
        Instant now = Instant.now();
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        boolean fromQueue = thread.getStatus() == ThreadStatus.QUEUED;
        thread.accept(agent, now);
        idle.renew(thread, now);
        if (fromQueue) {
            holders.record(thread, agent, now);
        }
        EventBatch batch = new EventBatch().visitorSees(thread, ThreadAction.ACCEPTED);
        batch.add(agent, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.ACCEPTED));
        if (fromQueue) {
            unread.add(agent, thread, thread.takeUnreadWhileQueued(), batch);
            batch.toWorkgroup(thread.getWorkgroup(), EventType.THREAD_STATUS_CHANGED,
                    EventPayloads.threadStatusChanged(thread, ThreadAction.ACCEPTED), agent);
        }
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    public ThreadView transferToAgent(String agentUid, String threadUid, String targetAgentUid) {
        Instant now = Instant.now();
        Agent from = records.agent(agentUid);
        ChatThread thread = access.readableThread(from, threadUid);
        Agent target = records.agentOf(from.getOrganisation(), targetAgentUid);
        thread.transferTo(target, from, now);
        idle.renew(thread, now);
        // The giver too: a thread held since before holders were recorded keeps its history this way.
        holders.record(thread, from, now);
        holders.record(thread, target, now);
        EventBatch batch = new EventBatch().visitorSees(thread, ThreadAction.TRANSFERRED);
        batch.add(from, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.TRANSFERRED));
        batch.add(target, EventType.NEW_VISITOR_MESSAGE, EventPayloads.newVisitorThread(thread));
        batch.add(target, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.TRANSFERRED));
        unread.move(thread, from, target, batch);
        capacityFreed(from, batch, now);
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    public ThreadView transferToWorkgroup(String agentUid, String threadUid, String workgroupUid) {
        Instant now = Instant.now();
        Agent from = records.agent(agentUid);
        ChatThread thread = access.readableThread(from, threadUid);
        Workgroup target = records.workgroupOf(from.getOrganisation(), workgroupUid);
        thread.transferTo(target, from, now);
        idle.renew(thread, now);
        holders.record(thread, from, now);
        EventBatch batch = new EventBatch().visitorSees(thread, ThreadAction.TRANSFERRED);
        batch.add(from, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.TRANSFERRED));
        thread.keepUnreadWhileQueued(unread.clear(from, thread, batch));
        router.route(thread, batch, now, from);
        capacityFreed(from, batch, now);
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    public ThreadView close(String agentUid, String threadUid) {
        Instant now = Instant.now();
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        closeThread(thread, agent, CloseReason.AGENT, now);
        return ThreadView.of(thread);
    }

    /** The visitor left; only their own thread can be closed this way. */
    public ThreadView closeByVisitor(String visitorUid, String threadUid) {
        ChatThread thread = records.threadOfVisitor(visitorUid, threadUid);
        closeThread(thread, null, CloseReason.VISITOR, Instant.now());
        return ThreadView.of(thread);
    }

    public ThreadView reopen(String agentUid, String threadUid) {
        Instant now = Instant.now();
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        thread.reopen(agent, now);
        idle.renew(thread, now);
        holders.record(thread, agent, now);
        EventBatch batch = new EventBatch().visitorSees(thread, ThreadAction.REOPENED)
                .add(agent, EventType.THREAD_STATUS_CHANGED,
                        EventPayloads.threadStatusChanged(thread, ThreadAction.REOPENED));
        eventLog.write(batch);
        return ThreadView.of(thread);
    }

    /**
     * The idle sweep's close: the thread's row is locked first and its deadline checked again under the lock, so of
     * several cluster members sweeping at once exactly one closes it, and a message that got the lock first (moving
     * the deadline) keeps it open. Answers whether this call closed it.
     */
    public boolean closeIfIdle(String threadUid, Instant now) {
        ChatThread thread = records.threadForUpdate(threadUid);
        if (!thread.isIdleAt(now)) {
            return false;
        }
        closeThread(thread, null, CloseReason.IDLE, now);
        return true;
    }

    private void closeThread(ChatThread thread, Agent by, CloseReason reason, Instant now) {
        ThreadStatus before = thread.getStatus();
        Agent holder = thread.getAgent();
        thread.close(by, reason, now);
        EventBatch batch = new EventBatch().visitorSees(thread, ThreadAction.CLOSED);
        if (before.holdsAgent() && holder != null) {
            unread.clear(holder, thread, batch);
            batch.add(holder, EventType.THREAD_STATUS_CHANGED,
                    EventPayloads.threadStatusChanged(thread, ThreadAction.CLOSED));
            capacityFreed(holder, batch, now);
        } else if (before == ThreadStatus.QUEUED) {
            batch.toWorkgroup(thread.getWorkgroup(), EventType.THREAD_STATUS_CHANGED,
                    EventPayloads.threadStatusChanged(thread, ThreadAction.CLOSED), null);
        }
        eventLog.write(batch);
    }

    /** A slot opened for this agent: queued threads of its workgroups may now go to it (or to a colleague). */
    private void capacityFreed(Agent agent, EventBatch batch, Instant now) {
        if (agent.getStatus() == AgentStatus.AVAILABLE) {
            router.drain(agent.getWorkgroups(), batch, now);
        }
    }
}
