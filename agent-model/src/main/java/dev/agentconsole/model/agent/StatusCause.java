package dev.agentconsole.model.agent;

/** Who asked for a status change; recorded on the agent and carried in the event. */
public enum StatusCause {
    CONSOLE,
    HOST,
    ADMIN,
    SYSTEM,
    /** Every console of the agent was gone for longer than the presence grace period. */
    DISCONNECTED
}
