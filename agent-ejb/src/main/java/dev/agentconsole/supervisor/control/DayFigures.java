package dev.agentconsole.supervisor.control;

import java.time.Instant;
import java.util.Map;

/**
 * Today's first-response and handle times of one organisation, by workgroup and by agent, as read at {@code readAt}.
 * Reading them means reading every thread answered or closed today, so a board being pushed every second reuses them
 * for {@link #REUSE_FOR_SECONDS} (figures of a whole day hardly move in that time); queues and agents are read fresh.
 */
public record DayFigures(Instant dayStart, Instant readAt, Percentiles firstResponse, Percentiles handle,
        Map<String, Percentiles> firstResponseByWorkgroup, Map<String, Percentiles> firstResponseByAgent,
        Map<String, Percentiles> handleByWorkgroup, Map<String, Percentiles> handleByAgent) {

    public static final long REUSE_FOR_SECONDS = 15;

    /** Whether these figures may stand in for a fresh read at {@code now}: same day, and recent. */
    public boolean reusableAt(Instant now, Instant today) {
        return dayStart.equals(today) && !readAt.plusSeconds(REUSE_FOR_SECONDS).isBefore(now);
    }

    static Percentiles of(Map<String, Percentiles> figures, String uid) {
        return figures.getOrDefault(uid, Percentiles.NONE);
    }
}
