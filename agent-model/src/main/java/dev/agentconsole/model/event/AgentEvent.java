package dev.agentconsole.model.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One entry of an agent's durable event log. {@code seq} increases by one per agent, in commit order, so a console
 * that reconnects with the last sequence it saw can be sent exactly what it missed.
 */
@Entity
@Table(name = "agent_event", uniqueConstraints = @UniqueConstraint(columnNames = {"agentId", "seq"}))
@NamedQuery(name = AgentEvent.AFTER,
        query = "select e from AgentEvent e where e.agentId = :agentId and e.seq > :seq order by e.seq")
@NamedQuery(name = AgentEvent.OLDEST_SEQ, query = "select min(e.seq) from AgentEvent e where e.agentId = :agentId")
@NamedQuery(name = AgentEvent.DELETE_BEFORE,
        query = "delete from AgentEvent e where e.agentId = :agentId and e.seq < :seq")
public class AgentEvent {

    public static final String AFTER = "AgentEvent.after";
    public static final String OLDEST_SEQ = "AgentEvent.oldestSeq";
    public static final String DELETE_BEFORE = "AgentEvent.deleteBefore";

    @Id
    @SequenceGenerator(name = "event_ids", sequenceName = "event_ids", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_ids")
    private Long id;

    @Column(nullable = false)
    private Long agentId;

    @Column(nullable = false, length = 64)
    private String agentUid;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 40)
    private String type;

    /** The event's data as JSON, exactly what the socket sends. */
    @Lob
    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private Instant createdAt;

    protected AgentEvent() {
    }

    public AgentEvent(Long agentId, String agentUid, long seq, String type, String payload, Instant createdAt) {
        this.agentId = agentId;
        this.agentUid = agentUid;
        this.seq = seq;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getAgentId() {
        return agentId;
    }

    public String getAgentUid() {
        return agentUid;
    }

    public long getSeq() {
        return seq;
    }

    public String getType() {
        return type;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
