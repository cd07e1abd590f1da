package dev.agentconsole.model.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The last sequence number handed out in one event stream. Read under a pessimistic write lock, so appends to one
 * stream are serialised and sequence order equals commit order (a global database sequence would not give that).
 */
@Entity
@Table(name = "event_stream_head")
@NamedQuery(name = EventStreamHead.OF_STREAMS, query = "select h from EventStreamHead h where h.streamKey in :streams")
public class EventStreamHead {

    public static final String OF_STREAMS = "EventStreamHead.ofStreams";

    @Id
    @Column(length = 80)
    private String streamKey;

    @Column(nullable = false)
    private long lastSeq;

    protected EventStreamHead() {
    }

    public EventStreamHead(String streamKey) {
        this.streamKey = streamKey;
    }

    public long next() {
        return ++lastSeq;
    }

    public String getStreamKey() {
        return streamKey;
    }

    public long getLastSeq() {
        return lastSeq;
    }
}
