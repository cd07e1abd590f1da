package dev.agentconsole.event.boundary;

import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.event.EventStreamHead;
import dev.agentconsole.model.event.StreamEvent;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads event streams for consoles: which streams an agent follows, their heads, and what a console missed. */
@Stateless
public class EventReplay {

    /** Keys per head query; one statement reads the heads of this many streams. */
    static final int HEADS_PER_STATEMENT = 2000;

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    /**
     * @param events    what came after the console's cursor, in order (empty when {@code resync})
     * @param resync    the stream no longer holds everything after the cursor: reload instead of replaying
     * @param latestSeq the stream's newest sequence number
     */
    public record Replay(List<StreamEventRecorded> events, boolean resync, long latestSeq) {
    }

    /**
     * The streams a console of this agent follows: its own, then one per workgroup it belongs to. None for a disabled
     * agent, whose consoles may not connect.
     */
    public List<String> streamsOf(String agentUid) {
        Agent agent = records.agent(agentUid);
        List<String> streams = new ArrayList<>();
        if (agent.isDisabled()) {
            return streams;
        }
        streams.add(EventStreams.ofAgent(agent.getUid()));
        for (Workgroup workgroup : agent.getWorkgroups()) {
            streams.add(EventStreams.ofWorkgroup(workgroup.getUid()));
        }
        return streams;
    }

    /** The agent's own stream's newest sequence number, 0 before its first event. */
    public long latestSeq(String agentUid) {
        return heads(List.of(EventStreams.ofAgent(agentUid))).get(EventStreams.ofAgent(agentUid));
    }

    /** Newest sequence number of each stream (0 before its first event), one statement per {@value #HEADS_PER_STATEMENT}. */
    public Map<String, Long> heads(Collection<String> streams) {
        Map<String, Long> heads = new HashMap<>();
        List<String> keys = new ArrayList<>(streams);
        for (int from = 0; from < keys.size(); from += HEADS_PER_STATEMENT) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + HEADS_PER_STATEMENT));
            em.createNamedQuery(EventStreamHead.OF_STREAMS, EventStreamHead.class)
                    .setParameter("streams", chunk)
                    .getResultStream()
                    .forEach(head -> heads.put(head.getStreamKey(), head.getLastSeq()));
        }
        keys.forEach(key -> heads.putIfAbsent(key, 0L));
        return heads;
    }

    /** The agent's own stream after {@code lastSeq}. */
    public Replay since(String agentUid, long lastSeq) {
        return sinceInStream(EventStreams.ofAgent(records.agent(agentUid).getUid()), lastSeq);
    }

    /** What each stream holds after the given cursor, read in one transaction. */
    public Map<String, Replay> since(Map<String, Long> cursors) {
        Map<String, Long> heads = heads(cursors.keySet());
        Map<String, Replay> replays = new LinkedHashMap<>();
        cursors.forEach((stream, cursor) -> replays.put(stream, replay(stream, cursor, heads.get(stream))));
        return replays;
    }

    public Replay sinceInStream(String stream, long lastSeq) {
        return replay(stream, lastSeq, heads(List.of(stream)).get(stream));
    }

    private Replay replay(String stream, long lastSeq, long latest) {
        if (lastSeq >= latest) {
            // Ahead of the log (a database that was reset): the console must reload.
            return new Replay(List.of(), lastSeq > latest, latest);
        }
        Long oldest = em.createNamedQuery(StreamEvent.OLDEST_SEQ, Long.class)
                .setParameter("stream", stream)
                .getSingleResult();
        if (oldest == null || lastSeq < oldest - 1 || latest - lastSeq > EventLog.RETAINED_PER_STREAM) {
            return new Replay(List.of(), true, latest);
        }
        List<StreamEventRecorded> events = em.createNamedQuery(StreamEvent.AFTER, StreamEvent.class)
                .setParameter("stream", stream)
                .setParameter("seq", lastSeq)
                .getResultStream()
                .map(e -> new StreamEventRecorded(e.getStreamKey(), e.getSeq(), e.getType(), e.getPayload(),
                        e.getCreatedAt(), e.getSkipAgentUid()))
                .toList();
        return new Replay(events, false, latest);
    }

    /** Rows a stream holds (tests: fan-out must not write a row per member). */
    public long rowsIn(String stream) {
        return em.createNamedQuery(StreamEvent.COUNT_OF_STREAM, Long.class).setParameter("stream", stream)
                .getSingleResult();
    }
}
