package dev.agentconsole.routing.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The agent whose last new thread, from any workgroup, is oldest (never assigned first), then by uid. Load does not
 * count, only capacity: an agent with four open chats but nothing new for an hour goes before one given a thread a
 * minute ago.
 */
public final class LongestIdlePicker implements AgentPicker {

    static final LongestIdlePicker INSTANCE = new LongestIdlePicker();

    private static final Comparator<Agent> PREFERENCE = Comparator
            .comparing(Agent::getLastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Agent::getUid);

    @Override
    public Optional<Agent> pick(Workgroup workgroup, Collection<Agent> members) {
        return members.stream().filter(Agent::canBeRouted).min(PREFERENCE);
    }
}
