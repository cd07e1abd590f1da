package dev.agentconsole.routing.control;

import dev.agentconsole.model.agent.Agent;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The routing rule: among AVAILABLE agents with spare capacity, the one with the fewest active threads, then the one
 * idle longest (never assigned counts as idlest), then a stable tie-break by uid.
 */
public final class AgentPicker {

    private static final Comparator<Agent> PREFERENCE = Comparator
            .comparingInt(Agent::getActiveThreads)
            .thenComparing(Agent::getLastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Agent::getUid);

    private AgentPicker() {
    }

    public static Optional<Agent> pick(Collection<Agent> candidates) {
        return candidates.stream().filter(Agent::canBeRouted).min(PREFERENCE);
    }
}
