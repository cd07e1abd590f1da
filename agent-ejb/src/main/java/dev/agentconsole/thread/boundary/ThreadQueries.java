package dev.agentconsole.thread.boundary;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.message.boundary.MessageView;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.message.Message;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Read side: agents, threads, messages and unread counts as the console shows them. */
@Stateless
public class ThreadQueries {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    UnreadCounts unread;

    public AgentView agent(String agentUid) {
        return AgentView.of(records.agent(agentUid));
    }

    /** A thread as the given agent may see it (another organisation's thread is "not found"). */
    public ThreadView thread(String agentUid, String threadUid) {
        Agent agent = records.agent(agentUid);
        return ThreadView.of(records.threadOf(agent.getOrganisation(), threadUid));
    }

    public int unread(String agentUid, String threadUid) {
        Agent agent = records.agent(agentUid);
        return unread.of(agent, records.threadOf(agent.getOrganisation(), threadUid));
    }

    /** Newest first, at most {@code limit}. */
    public List<MessageView> latestMessages(String agentUid, String threadUid, int limit) {
        Agent agent = records.agent(agentUid);
        ChatThread thread = records.threadOf(agent.getOrganisation(), threadUid);
        return em.createNamedQuery(Message.OF_THREAD_LATEST, Message.class)
                .setParameter("thread", thread)
                .setMaxResults(limit)
                .getResultStream().map(MessageView::of).toList();
    }
}
