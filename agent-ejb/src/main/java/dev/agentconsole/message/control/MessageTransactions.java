package dev.agentconsole.message.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.thread.control.IdleDeadlines;
import dev.agentconsole.thread.control.ThreadAccess;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.message.boundary.MessageView;
import dev.agentconsole.message.boundary.PostedMessage;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.message.Message;
import dev.agentconsole.model.message.SenderKind;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores messages idempotently: a client message id the same sender already used in the thread returns the stored
 * message and writes nothing; the same id from another sender is another message. Who may post is checked before
 * that, so the check never answers for a thread the caller may not see. Appends lock the thread row first, so the
 * messages of one thread (visitor and agent alike) are stored one after another in a single server order, the
 * duplicate check sees every earlier post, and unread counts add up; different threads do not wait for each other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(ConflictDetector.class)
public class MessageTransactions {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    UnreadCounts unread;

    @Inject
    EventLog eventLog;

    @Inject
    ThreadAccess access;

    @Inject
    IdleDeadlines idle;

    public PostedMessage postFromVisitor(String visitorUid, String threadUid, String clientMessageId, String content) {
        ChatThread thread = records.threadOfVisitorForAppend(visitorUid, threadUid);
        // Taken under the thread's lock, so message times follow the thread's one order.
        Instant now = Instant.now();
        Optional<Message> stored = stored(thread, SenderKind.VISITOR, visitorUid, clientMessageId);
        if (stored.isPresent()) {
            return new PostedMessage(MessageView.of(stored.get()), true);
        }
        Message message = new Message(thread, SenderKind.VISITOR, visitorUid, content, clientMessageId, now);
        thread.recordMessage(content, true, now);
        idle.renew(thread, now);
        thread.getVisitor().seen(now);
        em.persist(message);
        JsonObject created = EventPayloads.messageCreated(message);
        EventBatch batch = new EventBatch().toVisitor(thread, EventType.MESSAGE_CREATED, created);
        if (thread.getStatus().holdsAgent()) {
            batch.add(thread.getAgent(), EventType.MESSAGE_CREATED, created);
            unread.add(thread.getAgent(), thread, 1, batch);
        } else {
            // Queued: every member may pick it up, so the workgroup's stream carries it (one row, fanned out live).
            batch.toWorkgroup(thread.getWorkgroup(), EventType.MESSAGE_CREATED, created, null);
        }
        eventLog.write(batch);
        return new PostedMessage(MessageView.of(message), false);
    }

    /** An agent's reply; replying to a thread offered to it accepts it, and replying means it has read the thread. */
    public PostedMessage postFromAgent(String agentUid, String threadUid, String clientMessageId, String content) {
        Agent agent = records.agent(agentUid);
        ChatThread thread = records.threadForAppend(agent.getOrganisation(), threadUid);
        if (thread.belongsToAnotherAgent(agent)) {
            // A colleague's conversation is not this agent's to write into, nor to learn anything about.
            throw new RecordNotFoundException("thread", threadUid);
        }
        access.requireReadable(agent, thread);
        Instant now = Instant.now();
        Optional<Message> stored = stored(thread, SenderKind.AGENT, agentUid, clientMessageId);
        if (stored.isPresent()) {
            return new PostedMessage(MessageView.of(stored.get()), true);
        }
        if (thread.getStatus() == ThreadStatus.CLOSED) {
            throw new DomainRuleException("thread_closed", "thread is closed");
        }
        if (!thread.isHeldBy(agent)) {
            throw new DomainRuleException("not_your_thread", "only the agent holding the thread can reply");
        }
        Message message = new Message(thread, SenderKind.AGENT, agentUid, content, clientMessageId, now);
        EventBatch batch = new EventBatch();
        if (thread.getStatus() == ThreadStatus.ASSIGNED) {
            thread.accept(agent, now);
            batch.add(agent, EventType.THREAD_STATUS_CHANGED,
                    EventPayloads.threadStatusChanged(thread, ThreadAction.ACCEPTED));
            batch.visitorSees(thread, ThreadAction.ACCEPTED);
        }
        thread.recordMessage(content, false, now);
        idle.renew(thread, now);
        em.persist(message);
        JsonObject created = EventPayloads.messageCreated(message);
        batch.add(agent, EventType.MESSAGE_CREATED, created);
        batch.toVisitor(thread, EventType.MESSAGE_CREATED, created);
        unread.clear(agent, thread, batch);
        eventLog.write(batch);
        return new PostedMessage(MessageView.of(message), false);
    }

    /** Returns how many were unread. Another agent's thread is refused unless this agent still has unread in it. */
    public int clearUnread(String agentUid, String threadUid) {
        Agent agent = records.agent(agentUid);
        ChatThread thread = access.readableThread(agent, threadUid);
        if (!thread.isHeldBy(agent) && unread.of(agent, thread) == 0) {
            throw new DomainRuleException("not_your_thread", "thread is not held by this agent");
        }
        EventBatch batch = new EventBatch();
        int cleared = unread.clear(agent, thread, batch);
        eventLog.write(batch);
        return cleared;
    }

    private Optional<Message> stored(ChatThread thread, SenderKind senderKind, String senderUid,
            String clientMessageId) {
        if (clientMessageId == null) {
            return Optional.empty();
        }
        List<Message> found = em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("thread", thread)
                .setParameter("senderKind", senderKind)
                .setParameter("senderUid", senderUid)
                .setParameter("clientMessageId", clientMessageId)
                .getResultList();
        return found.stream().findFirst();
    }
}
