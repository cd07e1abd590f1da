package dev.agentconsole.event.control;

import dev.agentconsole.event.boundary.AgentEventRecorded;
import dev.agentconsole.event.boundary.VisitorNotice;
import dev.agentconsole.model.event.AgentEvent;
import dev.agentconsole.model.event.AgentEventCounter;
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
 * Appends to agents' durable event logs inside the caller's transaction and announces each row with a CDI event.
 * Called only from transactional EJB methods.
 */
@Dependent
public class EventLog {

    /** Events kept per agent; a console further behind than this is told to resync instead of replaying. */
    public static final int RETAINED_PER_AGENT = 1000;

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Event<AgentEventRecorded> recorded;

    @Inject
    Event<VisitorNotice> visitorNotices;

    public void write(EventBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        // Version conflicts on the changed entities should fail before any log counter is locked.
        em.flush();
        Instant now = Instant.now();
        Map<Long, List<EventBatch.Pending>> byAgent = batch.pending().stream()
                .collect(Collectors.groupingBy(p -> p.agent().getId(), TreeMap::new, Collectors.toList()));
        byAgent.forEach((agentId, events) -> append(agentId, events, now));
        for (EventBatch.ForVisitor notice : batch.forVisitor()) {
            visitorNotices.fire(new VisitorNotice(notice.thread().getUid(), notice.thread().getVisitor().getUid(),
                    notice.type().wireName(), notice.data().toString()));
        }
    }

    private void append(Long agentId, List<EventBatch.Pending> events, Instant now) {
        AgentEventCounter counter = em.find(AgentEventCounter.class, agentId, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            // First event of this agent; a racing first insert fails on the key and the transaction is retried.
            counter = new AgentEventCounter(agentId);
            em.persist(counter);
        }
        String agentUid = events.get(0).agent().getUid();
        for (EventBatch.Pending event : events) {
            long seq = counter.next();
            String data = event.data().toString();
            em.persist(new AgentEvent(agentId, agentUid, seq, event.type().wireName(), data, now));
            recorded.fire(new AgentEventRecorded(agentUid, seq, event.type().wireName(), data, now));
            if (seq % 100 == 0 && seq > RETAINED_PER_AGENT) {
                em.createNamedQuery(AgentEvent.DELETE_BEFORE)
                        .setParameter("agentId", agentId)
                        .setParameter("seq", seq - RETAINED_PER_AGENT)
                        .executeUpdate();
            }
        }
    }
}
