package dev.agentconsole.model.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last sequence number handed out in one agent's event log. Read under a pessimistic write lock, so appends for
 * one agent are serialised and sequence order equals commit order (a global database sequence would not give that).
 */
@Entity
@Table(name = "agent_event_counter")
public class AgentEventCounter {

    @Id
    private Long agentId;

    @Column(nullable = false)
    private long lastSeq;

    protected AgentEventCounter() {
    }

    public AgentEventCounter(Long agentId) {
        this.agentId = agentId;
    }

    public long next() {
        return ++lastSeq;
    }

    public Long getAgentId() {
        return agentId;
    }

    public long getLastSeq() {
        return lastSeq;
    }
}
