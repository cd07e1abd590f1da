package dev.agentconsole.event.boundary;

import java.time.Instant;

/**
 * CDI event fired for each row appended to an agent's event log. Observers that push to sockets must observe it
 * {@code during = TransactionPhase.AFTER_SUCCESS}: it is fired inside the transaction and may still roll back.
 *
 * @param data the event's JSON data, as stored in the log
 */
public record AgentEventRecorded(String agentUid, long seq, String type, String data, Instant createdAt) {
}
