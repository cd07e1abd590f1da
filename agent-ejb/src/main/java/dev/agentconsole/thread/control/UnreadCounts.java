package dev.agentconsole.thread.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.UnreadCount;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Keeps each agent's unread count per thread, and records every change in that agent's event log. */
@Dependent
public class UnreadCounts {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    public void add(Agent agent, ChatThread thread, int messages, EventBatch batch) {
        if (messages <= 0) {
            return;
        }
        UnreadCount unread = rowOf(agent, thread);
        unread.add(messages);
        batch.add(agent, EventType.UNREAD_COUNT_CHANGED, EventPayloads.unreadChanged(thread, unread.getCount()));
    }

    /** Returns how many were unread. */
    public int clear(Agent agent, ChatThread thread, EventBatch batch) {
        List<UnreadCount> rows = em.createNamedQuery(UnreadCount.OF_AGENT_AND_THREAD, UnreadCount.class)
                .setParameter("agent", agent).setParameter("thread", thread).getResultList();
        if (rows.isEmpty() || rows.get(0).getCount() == 0) {
            return 0;
        }
        int before = rows.get(0).clear();
        batch.add(agent, EventType.UNREAD_COUNT_CHANGED, EventPayloads.unreadChanged(thread, 0));
        return before;
    }

    public int of(Agent agent, ChatThread thread) {
        List<UnreadCount> rows = em.createNamedQuery(UnreadCount.OF_AGENT_AND_THREAD, UnreadCount.class)
                .setParameter("agent", agent).setParameter("thread", thread).getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).getCount();
    }

    /** The thread changed hands: what the previous agent had not read becomes the new agent's unread. */
    public void move(ChatThread thread, Agent from, Agent to, EventBatch batch) {
        int carried = clear(from, thread, batch);
        add(to, thread, carried, batch);
    }

    private UnreadCount rowOf(Agent agent, ChatThread thread) {
        List<UnreadCount> rows = em.createNamedQuery(UnreadCount.OF_AGENT_AND_THREAD, UnreadCount.class)
                .setParameter("agent", agent).setParameter("thread", thread).getResultList();
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        UnreadCount created = new UnreadCount(agent, thread);
        em.persist(created);
        return created;
    }
}
