package dev.agentconsole.event.boundary;

import java.time.Instant;

/**
 * CDI event fired for each row appended to an event stream. Observers that push to sockets must observe it
 * {@code during = TransactionPhase.AFTER_SUCCESS}: it is fired inside the transaction and may still roll back.
 *
 * @param stream       the stream's key ({@link EventStreams})
 * @param data         the event's JSON data, as stored in the log
 * @param skipAgentUid on a workgroup stream, the member not to tell (it was told on its own stream); else null
 */
public record StreamEventRecorded(String stream, long seq, String type, String data, Instant createdAt,
        String skipAgentUid) {

    /** Whether a console of this agent should be shown the event (it advances past it either way). */
    public boolean isFor(String agentUid) {
        return skipAgentUid == null || !skipAgentUid.equals(agentUid);
    }
}
