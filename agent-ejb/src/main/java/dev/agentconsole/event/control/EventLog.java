package dev.agentconsole.event.control;

import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.event.boundary.VisitorNotice;
import dev.agentconsole.model.event.EventStreamHead;
import dev.agentconsole.model.event.StreamEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Appends to durable event streams inside the caller's transaction and announces each row with a CDI event.
 * Called only from transactional EJB methods.
 */
@Dependent
public class EventLog {

    /** Events kept per stream; a console further behind than this is told to resync instead of replaying. */
    public static final int RETAINED_PER_STREAM = 2000;
    /** Old rows are pruned every this many appends to a stream. */
    static final int PRUNE_EVERY = 100;

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Event<StreamEventRecorded> recorded;

    @Inject
    Event<VisitorNotice> visitorNotices;

    public void write(EventBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Version conflicts on the changed entities should fail before any stream head is locked.
        em.flush();
        Map<String, List<EventBatch.Pending>> byStream = batch.pending().stream()
                .collect(Collectors.groupingBy(EventBatch.Pending::stream, TreeMap::new, Collectors.toList()));
        Instant stamped = Instant.EPOCH;
        for (Map.Entry<String, List<EventBatch.Pending>> stream : byStream.entrySet()) {
            stamped = append(stream.getKey(), stream.getValue(), stamped);
        }
        for (EventBatch.ForVisitor notice : batch.forVisitor()) {
            visitorNotices.fire(new VisitorNotice(notice.thread().getUid(), notice.thread().getVisitor().getUid(),
                    notice.type().wireName(), notice.data().toString()));
        }
    }

    /** Appends under the stream's lock; answers the time stamped, never earlier than {@code notBefore}. */
    private Instant append(String stream, List<EventBatch.Pending> events, Instant notBefore) {
        EventStreamHead head = em.find(EventStreamHead.class, stream, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            // First event of this stream; a racing first insert fails on the key and the transaction is retried.
            head = new EventStreamHead(stream);
            em.persist(head);
        }
        // Stamped under the lock, which is held until commit: in a stream, time order is sequence order is commit
        // order, so replays merged across streams by time keep each stream's order.
        Instant now = Instant.now();
        if (now.isBefore(notBefore)) {
            now = notBefore;
        }
        for (EventBatch.Pending event : events) {
            long seq = head.next();
            String data = event.data().toString();
            em.persist(new StreamEvent(stream, seq, event.type().wireName(), data, now, event.skipAgentUid()));
            recorded.fire(new StreamEventRecorded(stream, seq, event.type().wireName(), data, now,
                    event.skipAgentUid()));
            if (seq % PRUNE_EVERY == 0 && seq > RETAINED_PER_STREAM) {
                em.createNamedQuery(StreamEvent.DELETE_BEFORE)
                        .setParameter("stream", stream)
                        .setParameter("seq", seq - RETAINED_PER_STREAM)
                        .executeUpdate();
            }
        }
        return now;
    }
}
