package dev.agentconsole.model.thread;

/**
 * QUEUED waits in a workgroup; ASSIGNED is offered to one agent (counts against its capacity) and not yet accepted;
 * CHATTING is accepted; CLOSED is done but can be reopened.
 */
public enum ThreadStatus {
    QUEUED,
    ASSIGNED,
    CHATTING,
    CLOSED;

    public boolean holdsAgent() {
        return this == ASSIGNED || this == CHATTING;
    }
}
