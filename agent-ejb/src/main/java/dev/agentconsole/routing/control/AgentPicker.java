package dev.agentconsole.routing.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.workgroup.RoutingMode;
import dev.agentconsole.model.workgroup.Workgroup;
import java.util.Collection;
import java.util.Optional;

/**
 * A routing rule: which member of a workgroup gets its next thread. Every rule chooses only among agents that
 * {@linkplain Agent#canBeRouted() can be routed} (AVAILABLE, below capacity); the rules differ in the preference.
 */
public interface AgentPicker {

    Optional<Agent> pick(Workgroup workgroup, Collection<Agent> members);

    static AgentPicker forMode(RoutingMode mode) {
        return switch (mode) {
            case LEAST_ACTIVE -> LeastActivePicker.INSTANCE;
            case ROUND_ROBIN -> RoundRobinPicker.INSTANCE;
            case LONGEST_IDLE -> LongestIdlePicker.INSTANCE;
        };
    }
}
