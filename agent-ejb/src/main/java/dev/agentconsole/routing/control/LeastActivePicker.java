package dev.agentconsole.routing.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The fewest active threads, then the one idle longest (never assigned counts as idlest), then by uid. */
public final class LeastActivePicker implements AgentPicker {

    static final LeastActivePicker INSTANCE = new LeastActivePicker();

    private static final Comparator<Agent> PREFERENCE = Comparator
            .comparingInt(Agent::getActiveThreads)
            .thenComparing(Agent::getLastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Agent::getUid);

    @Override
    public Optional<Agent> pick(Workgroup workgroup, Collection<Agent> members) {
        return members.stream().filter(Agent::canBeRouted).min(PREFERENCE);
    }
}
