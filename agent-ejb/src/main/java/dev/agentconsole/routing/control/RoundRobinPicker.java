package dev.agentconsole.routing.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.workgroup.Workgroup;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Members in uid order, starting after the agent the workgroup chose last and wrapping around; agents that cannot be
 * routed now are skipped (and keep their place in the ring). The cursor is the workgroup's, so an agent's threads
 * from other workgroups do not move it.
 */
public final class RoundRobinPicker implements AgentPicker {

    static final RoundRobinPicker INSTANCE = new RoundRobinPicker();

    @Override
    public Optional<Agent> pick(Workgroup workgroup, Collection<Agent> members) {
        List<Agent> ring = members.stream().filter(Agent::canBeRouted)
                .sorted(Comparator.comparing(Agent::getUid)).toList();
        if (ring.isEmpty()) {
            return Optional.empty();
        }
        String cursor = workgroup.getRoundRobinCursor();
        if (cursor != null) {
            for (Agent agent : ring) {
                if (agent.getUid().compareTo(cursor) > 0) {
                    return Optional.of(agent);
                }
            }
        }
        return Optional.of(ring.get(0));
    }
}
