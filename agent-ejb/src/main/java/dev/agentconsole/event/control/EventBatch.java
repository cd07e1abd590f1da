package dev.agentconsole.event.control;

import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events one transaction produces, gathered while it works and written at its end by {@link EventLog} in a fixed
 * stream order, so two transactions that touch the same streams lock their heads in the same order.
 */
public final class EventBatch {

    record Pending(String stream, EventType type, JsonObject data, String skipAgentUid) {
    }

    record ForVisitor(ChatThread thread, EventType type, JsonObject data) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, ForVisitor> forVisitor = new LinkedHashMap<>();

    /** An event on the agent's own stream. */
    public EventBatch add(Agent agent, EventType type, JsonObject data) {
        pending.add(new Pending(EventStreams.ofAgent(agent.getUid()), type, data, null));
        return this;
    }

    public EventBatch addAll(Collection<Agent> agents, EventType type, JsonObject data) {
        agents.forEach(agent -> add(agent, type, data));
        return this;
    }

    /**
     * An event for every member of the workgroup (its queue), written once on the workgroup's stream whatever the
     * workgroup's size. {@code except} (may be null) is a member told on its own stream instead.
     */
    public EventBatch toWorkgroup(Workgroup workgroup, EventType type, JsonObject data, Agent except) {
        if (workgroup != null) {
            pending.add(new Pending(EventStreams.ofWorkgroup(workgroup.getUid()), type, data,
                    except == null ? null : except.getUid()));
        }
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

    List<Pending> pending() {
        return pending;
    }

    public boolean isEmpty() {
        return pending.isEmpty() && forVisitor.isEmpty();
    }
}
