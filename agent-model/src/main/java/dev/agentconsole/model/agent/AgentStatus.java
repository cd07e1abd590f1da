package dev.agentconsole.model.agent;

/** Contract §6: AVAILABLE takes new threads, BUSY keeps its threads but gets no new ones, OFFLINE gets none. */
public enum AgentStatus {
    AVAILABLE,
    BUSY,
    OFFLINE
}
