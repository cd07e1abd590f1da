package dev.agentconsole.event.boundary;

/**
 * CDI event for the visitor side of a thread: a new message or a status change. Like {@link AgentEventRecorded} it is
 * fired inside the transaction; observe it {@code during = TransactionPhase.AFTER_SUCCESS}.
 *
 * @param data JSON text, the same data the agents' events carry
 */
public record VisitorNotice(String threadUid, String visitorUid, String type, String data) {
}
