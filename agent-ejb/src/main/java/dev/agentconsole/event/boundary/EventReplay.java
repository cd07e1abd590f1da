package dev.agentconsole.event.boundary;

import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.event.AgentEvent;
import dev.agentconsole.model.event.AgentEventCounter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads an agent's event log for consoles that reconnect. */
@Stateless
public class EventReplay {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    /**
     * @param events   what came after {@code lastSeq}, in order (empty when {@code resync})
     * @param resync   the log no longer holds everything after {@code lastSeq}: reload instead of replaying
     * @param latestSeq the agent's newest sequence number
     */
    public record Replay(List<AgentEventRecorded> events, boolean resync, long latestSeq) {
    }

    /** The agent's newest sequence number, 0 before its first event. */
    public long latestSeq(String agentUid) {
        return latestSeq(records.agent(agentUid));
    }

    public Replay since(String agentUid, long lastSeq) {
        Agent agent = records.agent(agentUid);
        long latest = latestSeq(agent);
        if (lastSeq >= latest) {
            return new Replay(List.of(), lastSeq > latest, latest);
        }
        Long oldest = em.createNamedQuery(AgentEvent.OLDEST_SEQ, Long.class)
                .setParameter("agentId", agent.getId())
                .getSingleResult();
        if (oldest == null || lastSeq < oldest - 1 || latest - lastSeq > EventLog.RETAINED_PER_AGENT) {
            return new Replay(List.of(), true, latest);
        }
        List<AgentEventRecorded> events = em.createNamedQuery(AgentEvent.AFTER, AgentEvent.class)
                .setParameter("agentId", agent.getId())
                .setParameter("seq", lastSeq)
                .getResultStream()
                .map(e -> new AgentEventRecorded(e.getAgentUid(), e.getSeq(), e.getType(), e.getPayload(),
                        e.getCreatedAt()))
                .toList();
        return new Replay(events, false, latest);
    }

    private long latestSeq(Agent agent) {
        AgentEventCounter counter = em.find(AgentEventCounter.class, agent.getId());
        return counter == null ? 0 : counter.getLastSeq();
    }
}
