package dev.agentconsole.thread.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadHolder;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Remembers every agent that held a thread, inside the caller's transaction, so that an agent who handed a thread on
 * can still read it. Two transactions recording the same pair also both changed the thread, so they already collide
 * on its version (or, failing that, on the unique key) and one is retried.
 */
@Dependent
public class ThreadHolders {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    public void record(ChatThread thread, Agent agent, Instant at) {
        boolean known = !em.createNamedQuery(ThreadHolder.OF_THREAD_AND_AGENT, Long.class)
                .setParameter("thread", thread).setParameter("agent", agent)
                .setMaxResults(1).getResultList().isEmpty();
        if (!known) {
            em.persist(new ThreadHolder(thread, agent, at));
        }
    }
}
