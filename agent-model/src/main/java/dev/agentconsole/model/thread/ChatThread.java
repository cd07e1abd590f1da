package dev.agentconsole.model.thread;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A conversation ("thread" in the contract; named so it cannot be confused with {@link java.lang.Thread}). Owns its
 * state machine: every transition checks the current state first and refuses an illegal one before touching anything,
 * and keeps the agents' load counters in step.
 */
@Entity
@Table(name = "chat_thread", indexes = {
        @Index(name = "chat_thread_queue", columnList = "workgroup_id, status, queuedAt"),
        @Index(name = "chat_thread_agent", columnList = "agent_id, status"),
        @Index(name = "chat_thread_visitor", columnList = "visitor_id")})
@NamedQuery(name = ChatThread.BY_UID, query = "select t from ChatThread t where t.uid = :uid")
@NamedQuery(name = ChatThread.QUEUED_IN,
        query = "select t from ChatThread t where t.workgroup = :workgroup and t.status = dev.agentconsole.model.thread.ThreadStatus.QUEUED order by t.queuedAt, t.id")
@NamedQuery(name = ChatThread.COUNT_QUEUED_IN,
        query = "select count(t) from ChatThread t where t.workgroup = :workgroup and t.status = dev.agentconsole.model.thread.ThreadStatus.QUEUED")
@NamedQuery(name = ChatThread.OF_AGENT_IN_STATUS,
        query = "select t from ChatThread t where t.agent = :agent and t.status = :status order by t.updatedAt desc")
@NamedQuery(name = ChatThread.HELD_BY,
        query = "select t from ChatThread t where t.agent = :agent and t.status in (dev.agentconsole.model.thread.ThreadStatus.ASSIGNED, dev.agentconsole.model.thread.ThreadStatus.CHATTING) order by t.updatedAt desc")
@NamedQuery(name = ChatThread.QUEUED_IN_ANY,
        query = "select t from ChatThread t where t.workgroup in :workgroups and t.status = dev.agentconsole.model.thread.ThreadStatus.QUEUED order by t.queuedAt, t.id")
@NamedQuery(name = ChatThread.CLOSED_BY,
        query = "select t from ChatThread t where t.agent = :agent and t.status = dev.agentconsole.model.thread.ThreadStatus.CLOSED order by t.closedAt desc")
// The two read checks that need the database (see ThreadReadRule): a member of the thread's current workgroup, or an
// agent who held it before; for a visitor record, any of the visitor's threads readable that way or held now or last.
@NamedQuery(name = ChatThread.MEMBER_OR_PAST_HOLDER,
        query = "select count(t) from ChatThread t where t = :thread and ("
                + "exists (select h.id from ThreadHolder h where h.thread = t and h.agent = :agent)"
                + " or exists (select w.id from Agent a join a.workgroups w where a = :agent and w = t.workgroup))")
@NamedQuery(name = ChatThread.OF_VISITOR_READABLE_BY,
        query = "select count(t) from ChatThread t where t.visitor = :visitor and (t.agent = :agent"
                + " or exists (select h.id from ThreadHolder h where h.thread = t and h.agent = :agent)"
                + " or exists (select w.id from Agent a join a.workgroups w where a = :agent and w = t.workgroup))")
public class ChatThread extends Identified {

    public static final String BY_UID = "ChatThread.byUid";
    public static final String QUEUED_IN = "ChatThread.queuedIn";
    public static final String COUNT_QUEUED_IN = "ChatThread.countQueuedIn";
    public static final String OF_AGENT_IN_STATUS = "ChatThread.ofAgentInStatus";
    public static final String HELD_BY = "ChatThread.heldBy";
    public static final String QUEUED_IN_ANY = "ChatThread.queuedInAny";
    public static final String CLOSED_BY = "ChatThread.closedBy";
    public static final String MEMBER_OR_PAST_HOLDER = "ChatThread.memberOrPastHolder";
    public static final String OF_VISITOR_READABLE_BY = "ChatThread.ofVisitorReadableBy";

    /** Longest preview kept on the thread for list views. */
    public static final int PREVIEW_LENGTH = 200;

    @ManyToOne(optional = false)
    private Organisation organisation;

    @Column(nullable = false, length = 200)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ThreadType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ThreadStatus status;

    @ManyToOne(optional = false)
    private Visitor visitor;

    @ManyToOne
    private Agent agent;

    @ManyToOne
    private Workgroup workgroup;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant queuedAt;
    private Instant assignedAt;
    private Instant acceptedAt;
    private Instant closedAt;

    /** Supervisor figures (V6): handle time runs from the first hand-over, first response from the start. */
    private Instant firstAssignedAt;
    private Instant firstResponseAt;

    @ManyToOne
    private Agent firstResponder;

    @Column(length = PREVIEW_LENGTH)
    private String lastMessagePreview;

    private Instant lastMessageAt;

    /** Visitor messages that arrived while no agent held the thread; handed to the next agent as unread. */
    @Column(nullable = false)
    private int unreadWhileQueued;

    @Version
    private long version;

    protected ChatThread() {
    }

    private ChatThread(String uid) {
        super(uid);
    }

    /** A visitor thread routed through a workgroup; it starts QUEUED until the router assigns it. */
    public static ChatThread openInWorkgroup(Visitor visitor, Workgroup workgroup, String topic, Instant at) {
        ChatThread thread = new ChatThread(null);
        thread.organisation = workgroup.getOrganisation();
        thread.visitor = visitor;
        thread.workgroup = workgroup;
        thread.topic = topic;
        thread.type = ThreadType.WORKGROUP;
        thread.status = ThreadStatus.QUEUED;
        thread.createdAt = at;
        thread.updatedAt = at;
        thread.queuedAt = at;
        return thread;
    }

    /** The router's hand-over of a queued thread to an agent with spare capacity. */
    public void assignTo(Agent target, Instant at) {
        requireStatus("thread_not_queued", "only a queued thread can be assigned", ThreadStatus.QUEUED);
        requireSameOrganisation(target);
        if (!target.canBeRouted()) {
            throw new DomainRuleException("agent_unavailable", "agent is not available or has no spare capacity");
        }
        hold(target, at);
        status = ThreadStatus.ASSIGNED;
    }

    /**
     * The agent takes the conversation: either the one it was offered, or one still waiting in a queue of its
     * workgroups. Exactly one of two agents racing for a queued thread gets it; the other sees it already taken.
     */
    public void accept(Agent by, Instant at) {
        requireSameOrganisation(by);
        if (status == ThreadStatus.QUEUED) {
            if (workgroup == null || !by.isMemberOf(workgroup)) {
                throw new DomainRuleException("not_in_workgroup", "agent is not a member of the thread's workgroup");
            }
            if (by.getStatus() == AgentStatus.OFFLINE) {
                throw new DomainRuleException("agent_offline", "an offline agent cannot accept threads");
            }
            hold(by, at);
        } else if (status == ThreadStatus.ASSIGNED) {
            if (!by.equals(agent)) {
                throw new DomainRuleException("thread_already_taken", "thread is assigned to another agent");
            }
        } else if (status == ThreadStatus.CHATTING) {
            throw new DomainRuleException("thread_already_taken",
                    by.equals(agent) ? "thread is already accepted" : "thread was accepted by another agent");
        } else {
            throw new DomainRuleException("thread_closed", "a closed thread cannot be accepted");
        }
        status = ThreadStatus.CHATTING;
        acceptedAt = at;
        updatedAt = at;
    }

    /** Hands the conversation to a colleague, who must accept it. */
    public void transferTo(Agent target, Agent by, Instant at) {
        requireHeldBy(by);
        requireSameOrganisation(target);
        if (target.equals(agent)) {
            throw new DomainRuleException("transfer_to_self", "thread is already with that agent");
        }
        if (target.getStatus() == AgentStatus.OFFLINE) {
            throw new DomainRuleException("agent_offline", "cannot transfer to an offline agent");
        }
        release();
        hold(target, at);
        status = ThreadStatus.ASSIGNED;
    }

    /** Puts the conversation back into a workgroup's queue; the router then picks an agent. */
    public void transferTo(Workgroup target, Agent by, Instant at) {
        requireHeldBy(by);
        if (!target.getOrganisation().equals(organisation)) {
            throw new DomainRuleException("foreign_workgroup", "workgroup belongs to another organisation");
        }
        release();
        workgroup = target;
        toQueue(at);
    }

    /** The agent stopped taking threads before accepting this one: it goes back to the queue it came from. */
    public void returnToQueue(Instant at) {
        requireStatus("thread_not_assigned", "only an unaccepted thread can be handed back", ThreadStatus.ASSIGNED);
        if (workgroup == null) {
            throw new DomainRuleException("no_workgroup", "thread has no workgroup to return to");
        }
        release();
        toQueue(at);
    }

    /**
     * A supervisor hands a queued thread to an agent it chose, who must still accept it. Unlike the router it may
     * choose a BUSY agent or one outside the workgroup, but never an offline or full one.
     */
    public void assignBySupervisor(Agent target, Instant at) {
        requireStatus("thread_not_queued", "only a queued thread can be assigned", ThreadStatus.QUEUED);
        requireSameOrganisation(target);
        if (target.getStatus() == AgentStatus.OFFLINE) {
            throw new DomainRuleException("agent_offline", "cannot assign to an offline agent");
        }
        if (target.spareCapacity() == 0) {
            throw new DomainRuleException("agent_full", "agent has no spare capacity");
        }
        hold(target, at);
        status = ThreadStatus.ASSIGNED;
    }

    /** A supervisor moves a queued thread to another workgroup's queue; the router then picks an agent there. */
    public void moveQueueTo(Workgroup target, Instant at) {
        requireStatus("thread_not_queued", "only a queued thread can be moved", ThreadStatus.QUEUED);
        if (!target.getOrganisation().equals(organisation)) {
            throw new DomainRuleException("foreign_workgroup", "workgroup belongs to another organisation");
        }
        if (target.equals(workgroup)) {
            throw new DomainRuleException("same_workgroup", "thread already waits in that workgroup");
        }
        // It keeps its place in time: the visitor has been waiting all along, and the longest wait must show it.
        workgroup = target;
        updatedAt = at;
    }

    /** Ends the conversation; frees the agent's capacity. {@code by} is null when the visitor or system closes it. */
    public void close(Agent by, Instant at) {
        if (status == ThreadStatus.CLOSED) {
            throw new DomainRuleException("thread_closed", "thread is already closed");
        }
        if (by != null) {
            requireSameOrganisation(by);
            if (status.holdsAgent() && !by.equals(agent)) {
                throw new DomainRuleException("not_your_thread", "thread belongs to another agent");
            }
        }
        release();
        status = ThreadStatus.CLOSED;
        closedAt = at;
        updatedAt = at;
    }

    /** Brings a closed conversation back to the agent who reopens it, counted against its capacity. */
    public void reopen(Agent by, Instant at) {
        requireStatus("thread_not_closed", "only a closed thread can be reopened", ThreadStatus.CLOSED);
        requireSameOrganisation(by);
        if (agent != null && !agent.equals(by)) {
            throw new DomainRuleException("not_your_thread", "thread was handled by another agent");
        }
        if (agent == null && (workgroup == null || !by.isMemberOf(workgroup))) {
            throw new DomainRuleException("not_in_workgroup", "agent is not a member of the thread's workgroup");
        }
        if (by.getStatus() == AgentStatus.OFFLINE) {
            throw new DomainRuleException("agent_offline", "an offline agent cannot reopen threads");
        }
        hold(by, at);
        status = ThreadStatus.CHATTING;
        acceptedAt = at;
        closedAt = null;
    }

    /** Records a new message for list previews; refused once the thread is closed. */
    public void recordMessage(String content, boolean fromVisitor, Instant at) {
        if (status == ThreadStatus.CLOSED) {
            throw new DomainRuleException("thread_closed", "thread is closed");
        }
        String flat = content.replaceAll("\\s+", " ").strip();
        lastMessagePreview = flat.length() > PREVIEW_LENGTH ? flat.substring(0, PREVIEW_LENGTH - 1) + "…" : flat;
        lastMessageAt = at;
        updatedAt = at;
        if (!fromVisitor && firstResponseAt == null) {
            firstResponseAt = at;
            firstResponder = agent;
        }
        if (fromVisitor && agent == null) {
            unreadWhileQueued++;
        }
    }

    /** The unread visitor messages gathered while queued, handed to the agent that now holds the thread. */
    public int takeUnreadWhileQueued() {
        int taken = unreadWhileQueued;
        unreadWhileQueued = 0;
        return taken;
    }

    /** Unread messages an agent leaves behind when the thread goes back to a queue wait for the next agent. */
    public void keepUnreadWhileQueued(int messages) {
        if (status != ThreadStatus.QUEUED) {
            throw new DomainRuleException("thread_not_queued", "only a queued thread keeps unread messages");
        }
        unreadWhileQueued += Math.max(0, messages);
    }

    public boolean isHeldBy(Agent someone) {
        return status.holdsAgent() && someone != null && someone.equals(agent);
    }

    /** Another agent holds this thread, or closed it: it is that agent's conversation. */
    public boolean belongsToAnotherAgent(Agent someone) {
        return agent != null && !agent.equals(someone);
    }

    private void hold(Agent target, Instant at) {
        target.takeThread(at);
        if (firstAssignedAt == null) {
            firstAssignedAt = at;
        }
        agent = target;
        assignedAt = at;
        updatedAt = at;
    }

    private void release() {
        if (status.holdsAgent() && agent != null) {
            agent.releaseThread();
        }
    }

    private void toQueue(Instant at) {
        agent = null;
        status = ThreadStatus.QUEUED;
        queuedAt = at;
        updatedAt = at;
    }

    private void requireHeldBy(Agent by) {
        if (status == ThreadStatus.CLOSED) {
            throw new DomainRuleException("thread_closed", "a closed thread cannot be transferred");
        }
        if (!isHeldBy(by)) {
            throw new DomainRuleException("not_your_thread", "thread is not held by this agent");
        }
    }

    private void requireStatus(String code, String message, ThreadStatus expected) {
        if (status != expected) {
            throw new DomainRuleException(code, message + " (it is " + status + ")");
        }
    }

    private void requireSameOrganisation(Agent someone) {
        if (!someone.getOrganisation().equals(organisation)) {
            throw new DomainRuleException("foreign_agent", "agent belongs to another organisation");
        }
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getTopic() {
        return topic;
    }

    public ThreadType getType() {
        return type;
    }

    public ThreadStatus getStatus() {
        return status;
    }

    public Visitor getVisitor() {
        return visitor;
    }

    public Agent getAgent() {
        return agent;
    }

    public Workgroup getWorkgroup() {
        return workgroup;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getFirstAssignedAt() {
        return firstAssignedAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Agent getFirstResponder() {
        return firstResponder;
    }

    public String getLastMessagePreview() {
        return lastMessagePreview;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public long getVersion() {
        return version;
    }
}
