package dev.agentconsole.event.control;

import dev.agentconsole.model.agent.Agent;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The events one transaction produces, gathered while it works and written at its end by {@link EventLog} in a fixed
 * agent order, so two transactions that touch the same agents lock their log counters in the same order.
 */
public final class EventBatch {

    record Pending(Agent agent, EventType type, JsonObject data) {
    }

    private final List<Pending> pending = new ArrayList<>();

    public EventBatch add(Agent agent, EventType type, JsonObject data) {
        pending.add(new Pending(agent, type, data));
        return this;
    }

    public EventBatch addAll(Collection<Agent> agents, EventType type, JsonObject data) {
        agents.forEach(agent -> add(agent, type, data));
        return this;
    }

    List<Pending> pending() {
        return pending;
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }
}
