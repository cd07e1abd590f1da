package dev.agentconsole.thread.boundary;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.message.boundary.MessagePage;
import dev.agentconsole.message.boundary.MessageView;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.message.Message;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.UnreadCount;
import dev.agentconsole.model.workgroup.Workgroup;
import dev.agentconsole.thread.control.ThreadAccess;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Read side: agents, thread lists, messages and unread counts as the console shows them. */
@Stateless
public class ThreadQueries {

    /** Which of an agent's lists. */
    public enum View {
        /** Offered to or chatting with the agent. */
        MINE,
        /** Waiting in one of the agent's workgroups. */
        QUEUED,
        /** Recently closed by or with the agent. */
        CLOSED
    }

    static final int CLOSED_LIMIT = 50;
    static final int QUEUED_LIMIT = 200;

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    UnreadCounts unread;

    @Inject
    ThreadAccess access;

    public AgentView agent(String agentUid) {
        return AgentView.of(records.agent(agentUid));
    }

    /** The other agents of the organisation (transfer targets). */
    public List<AgentView> colleagues(String agentUid) {
        Agent me = records.agent(agentUid);
        return em.createNamedQuery(Agent.OF_ORGANISATION, Agent.class)
                .setParameter("organisation", me.getOrganisation())
                .getResultStream().filter(a -> !a.equals(me)).map(AgentView::of).toList();
    }

    public List<AgentView.WorkgroupRef> workgroups(String agentUid) {
        Agent me = records.agent(agentUid);
        return em.createNamedQuery(Workgroup.OF_ORGANISATION, Workgroup.class)
                .setParameter("organisation", me.getOrganisation())
                .getResultStream().map(w -> new AgentView.WorkgroupRef(w.getUid(), w.getName())).toList();
    }

    /** A thread as the given agent may see it; one it may not read (see ThreadReadRule) is "not found". */
    public ThreadView thread(String agentUid, String threadUid) {
        Agent agent = records.agent(agentUid);
        return ThreadView.of(access.readableThread(agent, threadUid));
    }

    public ThreadListItem threadItem(String agentUid, String threadUid) {
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        return new ThreadListItem(ThreadView.of(thread), unread.of(agent, thread));
    }

    public List<ThreadListItem> threads(String agentUid, View view) {
        Agent agent = records.agent(agentUid);
        List<ChatThread> threads = switch (view) {
            case MINE -> em.createNamedQuery(ChatThread.HELD_BY, ChatThread.class)
                    .setParameter("agent", agent).getResultList();
            case QUEUED -> agent.getWorkgroups().isEmpty() ? List.of()
                    : em.createNamedQuery(ChatThread.QUEUED_IN_ANY, ChatThread.class)
                            .setParameter("workgroups", agent.getWorkgroups())
                            .setMaxResults(QUEUED_LIMIT).getResultList();
            case CLOSED -> em.createNamedQuery(ChatThread.CLOSED_BY, ChatThread.class)
                    .setParameter("agent", agent).setMaxResults(CLOSED_LIMIT).getResultList();
        };
        Map<ChatThread, Integer> counts = unreadOf(agent);
        return threads.stream().map(t -> new ThreadListItem(ThreadView.of(t), counts.getOrDefault(t, 0))).toList();
    }

    /** The agent's threads with unread messages, newest activity first (the bridge's unread_message_count). */
    public List<ThreadListItem> unread(String agentUid) {
        Agent agent = records.agent(agentUid);
        List<ThreadListItem> items = new ArrayList<>();
        unreadOf(agent).forEach((thread, count) -> items.add(new ThreadListItem(ThreadView.of(thread), count)));
        items.sort((a, b) -> b.thread().updatedAt().compareTo(a.thread().updatedAt()));
        return items;
    }

    public int unread(String agentUid, String threadUid) {
        Agent agent = records.agent(agentUid);
        return unread.of(agent, access.readableThread(agent, threadUid));
    }

    /** Newest first, at most {@code limit}. */
    public List<MessageView> latestMessages(String agentUid, String threadUid, int limit) {
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        return em.createNamedQuery(Message.OF_THREAD_LATEST, Message.class)
                .setParameter("thread", thread)
                .setMaxResults(limit)
                .getResultStream().map(MessageView::of).toList();
    }

    /** A page of history ending before {@code beforeUid} (or the newest), oldest first. */
    public MessagePage messages(String agentUid, String threadUid, String beforeUid, int limit) {
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        List<Message> page;
        if (beforeUid == null || beforeUid.isBlank()) {
            page = em.createNamedQuery(Message.OF_THREAD_LATEST, Message.class)
                    .setParameter("thread", thread).setMaxResults(limit + 1).getResultList();
        } else {
            Message before = messageIn(thread, beforeUid);
            page = em.createNamedQuery(Message.OF_THREAD_BEFORE, Message.class)
                    .setParameter("thread", thread).setParameter("beforeId", before.getId())
                    .setMaxResults(limit + 1).getResultList();
        }
        boolean hasMore = page.size() > limit;
        List<MessageView> views = new ArrayList<>(page.stream().limit(limit).map(MessageView::of).toList());
        Collections.reverse(views);
        return new MessagePage(views, hasMore);
    }

    /** For the visitor: messages of their own thread after {@code afterUid} (all when null), oldest first. */
    public List<MessageView> visitorMessages(String visitorUid, String threadUid, String afterUid) {
        ChatThread thread = records.threadOfVisitor(visitorUid, threadUid);
        long afterId = afterUid == null || afterUid.isBlank() ? 0L : messageIn(thread, afterUid).getId();
        return em.createNamedQuery(Message.OF_THREAD_AFTER, Message.class)
                .setParameter("thread", thread).setParameter("afterId", afterId)
                .setMaxResults(500).getResultStream().map(MessageView::of).toList();
    }

    public ThreadView visitorThread(String visitorUid, String threadUid) {
        ChatThread thread = records.threadOfVisitor(visitorUid, threadUid);
        return ThreadView.of(thread);
    }

    private Message messageIn(ChatThread thread, String messageUid) {
        return em.createNamedQuery(Message.BY_UID, Message.class).setParameter("uid", messageUid)
                .getResultStream().filter(m -> m.getThread().equals(thread)).findFirst()
                .orElseThrow(() -> new DomainRuleException("unknown_message", "no such message in this thread"));
    }

    private Map<ChatThread, Integer> unreadOf(Agent agent) {
        return em.createNamedQuery(UnreadCount.NONZERO_OF_AGENT, UnreadCount.class)
                .setParameter("agent", agent).getResultStream()
                .collect(Collectors.toMap(UnreadCount::getThread, UnreadCount::getCount, Integer::sum));
    }
}
