package dev.agentconsole.thread.control;

import dev.agentconsole.model.thread.ChatThread;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Finds threads past their idle deadline: one range scan of the deadline index, oldest first, at most a batch. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IdleThreads {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    /** Uids only: each is closed in a transaction of its own that reads the thread again under its lock. */
    public List<String> due(Instant now, int limit) {
        return em.createNamedQuery(ChatThread.IDLE_DUE, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }
}
