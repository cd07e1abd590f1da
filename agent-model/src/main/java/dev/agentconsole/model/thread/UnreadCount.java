package dev.agentconsole.model.thread;

import dev.agentconsole.model.agent.Agent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/** Visitor messages in one thread that one agent has not read yet. */
@Entity
@Table(name = "unread_count", uniqueConstraints = @UniqueConstraint(columnNames = {"agent_id", "thread_id"}))
@NamedQuery(name = UnreadCount.OF_AGENT_AND_THREAD,
        query = "select u from UnreadCount u where u.agent = :agent and u.thread = :thread")
@NamedQuery(name = UnreadCount.OF_THREAD, query = "select u from UnreadCount u where u.thread = :thread")
@NamedQuery(name = UnreadCount.NONZERO_OF_AGENT,
        query = "select u from UnreadCount u where u.agent = :agent and u.unread > 0")
public class UnreadCount {

    public static final String OF_AGENT_AND_THREAD = "UnreadCount.ofAgentAndThread";
    public static final String OF_THREAD = "UnreadCount.ofThread";
    public static final String NONZERO_OF_AGENT = "UnreadCount.nonzeroOfAgent";

    @Id
    @SequenceGenerator(name = "unread_ids", sequenceName = "unread_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unread_ids")
    private Long id;

    @ManyToOne(optional = false)
    private Agent agent;

    @ManyToOne(optional = false)
    private ChatThread thread;

    @Column(nullable = false)
    private int unread;

    @Version
    private long version;

    protected UnreadCount() {
    }

    public UnreadCount(Agent agent, ChatThread thread) {
        this.agent = agent;
        this.thread = thread;
    }

    public void add(int messages) {
        unread += messages;
    }

    /** Returns what was unread before. */
    public int clear() {
        int before = unread;
        unread = 0;
        return before;
    }

    public Agent getAgent() {
        return agent;
    }

    public ChatThread getThread() {
        return thread;
    }

    public int getCount() {
        return unread;
    }
}
