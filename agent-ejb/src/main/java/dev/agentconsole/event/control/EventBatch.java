package dev.agentconsole.event.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events one transaction produces, gathered while it works and written at its end by {@link EventLog} in a fixed
 * agent order, so two transactions that touch the same agents lock their log counters in the same order.
 */
public final class EventBatch {

    record Pending(Agent agent, EventType type, JsonObject data) {
    }

    record ForVisitor(ChatThread thread, EventType type, JsonObject data) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, ForVisitor> forVisitor = new LinkedHashMap<>();

    public EventBatch add(Agent agent, EventType type, JsonObject data) {
        pending.add(new Pending(agent, type, data));
        return this;
    }

    /** The visitor of the thread learns of its status changes and new messages (once each, however many agents do). */
    public EventBatch toVisitor(ChatThread thread, EventType type, JsonObject data) {
        forVisitor.putIfAbsent(type + ":" + data, new ForVisitor(thread, type, data));
        return this;
    }

    /** Tells the thread's visitor that it moved (an agent took it, it was closed, ...). */
    public EventBatch visitorSees(ChatThread thread, ThreadAction action) {
        return toVisitor(thread, EventType.THREAD_STATUS_CHANGED, EventPayloads.threadStatusChanged(thread, action));
    }

    Collection<ForVisitor> forVisitor() {
        return forVisitor.values();
    }

    public EventBatch addAll(Collection<Agent> agents, EventType type, JsonObject data) {
        agents.forEach(agent -> add(agent, type, data));
        return this;
    }

    List<Pending> pending() {
        return pending;
    }

    public boolean isEmpty() {
        return pending.isEmpty() && forVisitor.isEmpty();
    }
}
