package dev.agentconsole.supervisor.control;

import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.supervisor.boundary.BoardView;
import dev.agentconsole.supervisor.boundary.BoardView.AgentRow;
import dev.agentconsole.supervisor.boundary.BoardView.QueuedThread;
import dev.agentconsole.supervisor.boundary.BoardView.WorkgroupRow;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one organisation's board with a fixed set of aggregate and projection queries, whatever the number of agents
 * (no query per agent or per thread, no entity loaded). The day's figures come from moments stored on the thread when
 * they happened (first assignment, first agent reply, close), never from scanning messages.
 */
@Dependent
public class BoardQueries {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    /** @param reuse today's figures read a moment ago, used instead of reading them again when still recent */
    public BoardView read(Organisation organisation, Instant now, DayFigures reuse) {
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        DayFigures figures = reuse != null && reuse.reusableAt(now, dayStart) ? reuse
                : figures(organisation, dayStart, now);
        Map<String, List<String>> memberships = memberships(organisation);

        List<AgentRow> agents = new ArrayList<>();
        for (Object[] row : rows("select a.uid, a.nickname, a.status, a.statusChangedAt, a.activeThreads,"
                + " a.maxThreads from Agent a where a.organisation = :organisation order by a.nickname, a.id",
                organisation)) {
            String uid = (String) row[0];
            agents.add(new AgentRow(uid, (String) row[1], String.valueOf(row[2]), instant(row[3]),
                    ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                    memberships.getOrDefault(uid, List.of()),
                    DayFigures.of(figures.firstResponseByAgent(), uid), DayFigures.of(figures.handleByAgent(), uid)));
        }

        Map<String, Object[]> depths = new HashMap<>();
        for (Object[] row : em.createQuery("select w.uid, count(t), min(t.queuedAt) from ChatThread t"
                        + " join t.workgroup w where t.organisation = :organisation and t.status = :queued"
                        + " group by w.uid", Object[].class)
                .setParameter("organisation", organisation)
                .setParameter("queued", ThreadStatus.QUEUED)
                .getResultList()) {
            depths.put((String) row[0], row);
        }
        List<WorkgroupRow> workgroups = new ArrayList<>();
        for (Object[] row : rows("select w.uid, w.name from Workgroup w where w.organisation = :organisation"
                + " order by w.name, w.id", organisation)) {
            String uid = (String) row[0];
            Object[] depth = depths.get(uid);
            workgroups.add(new WorkgroupRow(uid, (String) row[1],
                    depth == null ? 0 : ((Number) depth[1]).longValue(), depth == null ? null : instant(depth[2]),
                    DayFigures.of(figures.firstResponseByWorkgroup(), uid),
                    DayFigures.of(figures.handleByWorkgroup(), uid)));
        }

        List<QueuedThread> queued = new ArrayList<>();
        for (Object[] row : em.createQuery("select t.uid, t.topic, v.nickname, w.uid, t.queuedAt from ChatThread t"
                        + " join t.workgroup w join t.visitor v where t.organisation = :organisation"
                        + " and t.status = :queued order by t.queuedAt, t.id", Object[].class)
                .setParameter("organisation", organisation)
                .setParameter("queued", ThreadStatus.QUEUED)
                .setMaxResults(BoardView.QUEUED_LISTED)
                .getResultList()) {
            queued.add(new QueuedThread((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    instant(row[4])));
        }
        return new BoardView(organisation.getUid(), now, dayStart, agents, workgroups, queued, figures);
    }

    private DayFigures figures(Organisation organisation, Instant dayStart, Instant now) {
        Samples firstResponses = firstResponses(organisation, dayStart);
        Samples handled = handled(organisation, dayStart);
        return new DayFigures(dayStart, now, firstResponses.overall(), handled.overall(),
                firstResponses.byWorkgroup(), firstResponses.byAgent(), handled.byWorkgroup(), handled.byAgent());
    }

    private Map<String, List<String>> memberships(Organisation organisation) {
        Map<String, List<String>> byAgent = new HashMap<>();
        for (Object[] row : rows("select a.uid, w.uid from Agent a join a.workgroups w"
                + " where a.organisation = :organisation order by w.name", organisation)) {
            byAgent.computeIfAbsent((String) row[0], key -> new ArrayList<>()).add((String) row[1]);
        }
        return byAgent;
    }

    /** First-response time: from the thread's start to the first agent reply, counted on the day of that reply. */
    private Samples firstResponses(Organisation organisation, Instant dayStart) {
        return samples(em.createQuery("select w.uid, r.uid, t.createdAt, t.firstResponseAt from ChatThread t"
                        + " left join t.workgroup w left join t.firstResponder r"
                        + " where t.organisation = :organisation and t.firstResponseAt >= :since", Object[].class)
                .setParameter("organisation", organisation)
                .setParameter("since", dayStart)
                .getResultList());
    }

    /** Handle time: from the first hand-over to an agent to the close, counted on the day of the close. */
    private Samples handled(Organisation organisation, Instant dayStart) {
        return samples(em.createQuery("select w.uid, a.uid, t.firstAssignedAt, t.closedAt from ChatThread t"
                        + " left join t.workgroup w left join t.agent a where t.organisation = :organisation"
                        + " and t.closedAt >= :since and t.firstAssignedAt is not null", Object[].class)
                .setParameter("organisation", organisation)
                .setParameter("since", dayStart)
                .getResultList());
    }

    private List<Object[]> rows(String jpql, Organisation organisation) {
        return em.createQuery(jpql, Object[].class).setParameter("organisation", organisation).getResultList();
    }

    /** Rows of (workgroup uid, agent uid, from, to): one duration each, grouped both ways. */
    static Samples samples(List<Object[]> rows) {
        Samples samples = new Samples();
        for (Object[] row : rows) {
            Instant from = instant(row[2]);
            Instant to = instant(row[3]);
            if (from != null && to != null) {
                samples.add((String) row[0], (String) row[1], Math.max(0, to.toEpochMilli() - from.toEpochMilli()));
            }
        }
        return samples;
    }

    /** Projections of converted columns may come back as the JDBC type (aggregates skip the converter). */
    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        throw new IllegalArgumentException("not a point in time: " + value.getClass().getName());
    }

    /** Durations in milliseconds by workgroup, by agent, and all together. */
    static final class Samples {
        private final Map<String, List<Long>> byWorkgroup = new HashMap<>();
        private final Map<String, List<Long>> byAgent = new HashMap<>();
        private final List<Long> all = new ArrayList<>();

        void add(String workgroupUid, String agentUid, long millis) {
            all.add(millis);
            if (workgroupUid != null) {
                byWorkgroup.computeIfAbsent(workgroupUid, key -> new ArrayList<>()).add(millis);
            }
            if (agentUid != null) {
                byAgent.computeIfAbsent(agentUid, key -> new ArrayList<>()).add(millis);
            }
        }

        Map<String, Percentiles> byWorkgroup() {
            return percentiles(byWorkgroup);
        }

        Map<String, Percentiles> byAgent() {
            return percentiles(byAgent);
        }

        private static Map<String, Percentiles> percentiles(Map<String, List<Long>> samples) {
            Map<String, Percentiles> figures = new HashMap<>();
            samples.forEach((uid, millis) -> figures.put(uid, Percentiles.of(millis)));
            return Map.copyOf(figures);
        }

        Percentiles ofWorkgroup(String uid) {
            return Percentiles.of(byWorkgroup.getOrDefault(uid, List.of()));
        }

        Percentiles ofAgent(String uid) {
            return Percentiles.of(byAgent.getOrDefault(uid, List.of()));
        }

        Percentiles overall() {
            return Percentiles.of(all);
        }
    }
}
