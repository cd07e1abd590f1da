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
 * One entry of a durable event stream: an agent's own stream, or a workgroup's stream that all its members' consoles
 * follow (written once, fanned out in memory). {@code seq} increases by one per stream in commit order, so a console
 * that reconnects with the last sequence it saw of each stream can be sent exactly what it missed.
 */
@Entity
@Table(name = "stream_event", uniqueConstraints = @UniqueConstraint(columnNames = {"streamKey", "seq"}))
@NamedQuery(name = StreamEvent.AFTER,
        query = "select e from StreamEvent e where e.streamKey = :stream and e.seq > :seq order by e.seq")
@NamedQuery(name = StreamEvent.OLDEST_SEQ, query = "select min(e.seq) from StreamEvent e where e.streamKey = :stream")
@NamedQuery(name = StreamEvent.DELETE_BEFORE,
        query = "delete from StreamEvent e where e.streamKey = :stream and e.seq < :seq")
@NamedQuery(name = StreamEvent.COUNT_OF_STREAM,
        query = "select count(e) from StreamEvent e where e.streamKey = :stream")
public class StreamEvent {

    public static final String AFTER = "StreamEvent.after";
    public static final String OLDEST_SEQ = "StreamEvent.oldestSeq";
    public static final String DELETE_BEFORE = "StreamEvent.deleteBefore";
    public static final String COUNT_OF_STREAM = "StreamEvent.countOfStream";

    @Id
    @SequenceGenerator(name = "stream_event_ids", sequenceName = "stream_event_ids", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stream_event_ids")
    private Long id;

    @Column(nullable = false, length = 80)
    private String streamKey;

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

    /** On a workgroup stream: the member who learnt of this through its own stream and must not see it twice. */
    @Column(length = 64)
    private String skipAgentUid;

    protected StreamEvent() {
    }

    public StreamEvent(String streamKey, long seq, String type, String payload, Instant createdAt,
            String skipAgentUid) {
        this.streamKey = streamKey;
        this.seq = seq;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
        this.skipAgentUid = skipAgentUid;
    }

    public Long getId() {
        return id;
    }

    public String getStreamKey() {
        return streamKey;
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

    public String getSkipAgentUid() {
        return skipAgentUid;
    }
}
