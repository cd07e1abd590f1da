package dev.agentconsole.thread.control;

import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.visitor.Visitor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Loads a thread or visitor record by uid for an agent, applying {@link ThreadReadRule}: what the agent may not read
 * is "not found", exactly like another organisation's records, so its existence does not leak.
 */
@Dependent
public class ThreadAccess {

    private static final Logger LOG = Logger.getLogger(ThreadAccess.class.getName());

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    public ChatThread readableThread(Agent reader, String threadUid) {
        return requireReadable(reader, records.threadOf(reader.getOrganisation(), threadUid));
    }

    /** The thread, already loaded (say, locked for an append), if the agent may read it; else "not found". */
    public ChatThread requireReadable(Agent reader, ChatThread thread) {
        if (!ThreadReadRule.mayRead(reader, thread, () -> memberOrPastHolder(reader, thread))) {
            LOG.fine(() -> "agent " + reader.getUid() + " may not read thread " + thread.getUid());
            throw new RecordNotFoundException("thread", thread.getUid());
        }
        return thread;
    }

    public Visitor readableVisitor(Agent reader, String visitorUid) {
        Visitor visitor = records.visitorOf(reader.getOrganisation(), visitorUid);
        if (!ThreadReadRule.mayRead(reader, visitor, () -> readsAThreadOf(reader, visitor))) {
            LOG.fine(() -> "agent " + reader.getUid() + " may not read visitor " + visitorUid);
            throw new RecordNotFoundException("visitor", visitorUid);
        }
        return visitor;
    }

    private boolean memberOrPastHolder(Agent reader, ChatThread thread) {
        return em.createNamedQuery(ChatThread.MEMBER_OR_PAST_HOLDER, Long.class)
                .setParameter("thread", thread).setParameter("agent", reader).getSingleResult() > 0;
    }

    private boolean readsAThreadOf(Agent reader, Visitor visitor) {
        return em.createNamedQuery(ChatThread.OF_VISITOR_READABLE_BY, Long.class)
                .setParameter("visitor", visitor).setParameter("agent", reader).getSingleResult() > 0;
    }
}
