package dev.agentconsole.supervisor.boundary;

import dev.agentconsole.supervisor.control.DayFigures;
import dev.agentconsole.supervisor.control.Percentiles;
import java.time.Instant;
import java.util.List;

/**
 * What a supervisor sees of its organisation at one moment: every agent, every workgroup's queue, the oldest queued
 * threads, and today's first-response and handle times ({@code dayStart} is midnight UTC).
 */
public record BoardView(String organisationUid, Instant at, Instant dayStart, List<AgentRow> agents,
        List<WorkgroupRow> workgroups, List<QueuedThread> queued, DayFigures figures) {

    /** Queued threads listed for the supervisor's moves; the queue depths count all of them. */
    public static final int QUEUED_LISTED = 200;

    public Percentiles firstResponse() {
        return figures.firstResponse();
    }

    public Percentiles handle() {
        return figures.handle();
    }

    public record AgentRow(String uid, String nickname, String status, Instant statusSince, int activeThreads,
            int maxThreads, List<String> workgroupUids, Percentiles firstResponse, Percentiles handle) {
    }

    public record WorkgroupRow(String uid, String name, long queued, Instant oldestQueuedAt,
            Percentiles firstResponse, Percentiles handle) {
    }

    public record QueuedThread(String uid, String topic, String visitorNickname, String workgroupUid,
            Instant queuedAt) {
    }
}
