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
import java.time.Instant;

/**
 * An agent held this thread at some point (offered, accepted, transferred to, reopened). The thread itself only knows
 * its current or last holder; this row keeps earlier ones able to read the conversation they took part in. One row
 * per agent and thread; the unique key is also the index the read check uses.
 */
@Entity
@Table(name = "thread_holder", uniqueConstraints = @UniqueConstraint(name = "thread_holder_once",
        columnNames = {"thread_id", "agent_id"}))
@NamedQuery(name = ThreadHolder.OF_THREAD_AND_AGENT,
        query = "select h.id from ThreadHolder h where h.thread = :thread and h.agent = :agent")
public class ThreadHolder {

    public static final String OF_THREAD_AND_AGENT = "ThreadHolder.ofThreadAndAgent";

    @Id
    @SequenceGenerator(name = "thread_holder_ids", sequenceName = "thread_holder_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "thread_holder_ids")
    private Long id;

    @ManyToOne(optional = false)
    private ChatThread thread;

    @ManyToOne(optional = false)
    private Agent agent;

    /** When the agent first held the thread. */
    @Column(nullable = false)
    private Instant since;

    protected ThreadHolder() {
    }

    public ThreadHolder(ChatThread thread, Agent agent, Instant since) {
        this.thread = thread;
        this.agent = agent;
        this.since = since;
    }

    public ChatThread getThread() {
        return thread;
    }

    public Agent getAgent() {
        return agent;
    }

    public Instant getSince() {
        return since;
    }
}
