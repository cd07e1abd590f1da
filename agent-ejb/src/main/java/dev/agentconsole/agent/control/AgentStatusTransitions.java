package dev.agentconsole.agent.control;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.routing.control.ThreadRouter;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** One transaction per status change, with what the change sets in motion (threads handed back, queues drained). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(ConflictDetector.class)
public class AgentStatusTransitions {

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

    public AgentView change(String agentUid, AgentStatus status, StatusCause cause) {
        Instant now = Instant.now();
        Agent agent = records.agent(agentUid);
        if (!agent.changeStatus(status, cause, now)) {
            return AgentView.of(agent);
        }
        EventBatch batch = new EventBatch();
        if (status == AgentStatus.OFFLINE) {
            handBackUnaccepted(agent, batch, now);
        }
        batch.add(agent, EventType.AGENT_STATUS_CHANGED, EventPayloads.agentStatusChanged(agent));
        if (status == AgentStatus.AVAILABLE) {
            router.drain(agent.getWorkgroups(), batch, now);
        }
        eventLog.write(batch);
        return AgentView.of(agent);
    }

    /** Offered-but-unaccepted threads must not wait on someone who left: back to their queue, and routed again. */
    private void handBackUnaccepted(Agent agent, EventBatch batch, Instant now) {
        List<ChatThread> offered = em.createNamedQuery(ChatThread.OF_AGENT_IN_STATUS, ChatThread.class)
                .setParameter("agent", agent)
                .setParameter("status", ThreadStatus.ASSIGNED)
                .getResultList();
        for (ChatThread thread : offered) {
            int carried = unread.clear(agent, thread, batch);
            thread.returnToQueue(now);
            thread.keepUnreadWhileQueued(carried);
            batch.visitorSees(thread, ThreadAction.QUEUED);
            batch.add(agent, EventType.THREAD_STATUS_CHANGED,
                    EventPayloads.threadStatusChanged(thread, ThreadAction.QUEUED));
            router.route(thread, batch, now, agent);
        }
    }
}
