package dev.agentconsole.model.workgroup;

/** How a workgroup chooses among its available agents with spare capacity. */
public enum RoutingMode {
    /** Fewest active threads first, then the one idle longest. */
    LEAST_ACTIVE,
    /** Members in a fixed order (by uid), each new thread to the next one after the last agent this workgroup chose. */
    ROUND_ROBIN,
    /** The agent whose last new thread (from any workgroup) is oldest, whatever its load. */
    LONGEST_IDLE
}
