package dev.agentconsole.routing.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.workgroup.Workgroup;
import dev.agentconsole.thread.control.ThreadHolders;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Hands queued threads to agents inside the caller's transaction. Each assignment raises the chosen agent's load and
 * so its version: two transactions that pick the same last free slot collide there, and the loser is retried. How
 * the agent is chosen is the workgroup's {@link dev.agentconsole.model.workgroup.RoutingMode}; round robin also moves
 * the workgroup's cursor, so routers reading the same cursor collide on the workgroup's version as well.
 */
@Dependent
public class ThreadRouter {

    /** Queued threads looked at per workgroup and pass; the rest wait for the next capacity change. */
    static final int DRAIN_BATCH = 50;

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    UnreadCounts unread;

    @Inject
    ThreadHolders holders;

    /**
     * A thread that just entered its workgroup's queue: give it to the best agent now, or announce it to the whole
     * workgroup as queued. {@code alreadyTold} (may be null) has been told of the move and is not told again.
     */
    public void route(ChatThread thread, EventBatch batch, Instant now, Agent alreadyTold) {
        Workgroup workgroup = thread.getWorkgroup();
        List<Agent> members = records.membersOf(workgroup);
        Optional<Agent> chosen = AgentPicker.forMode(workgroup.getRoutingMode()).pick(workgroup, members);
        if (chosen.isPresent()) {
            assign(workgroup, thread, chosen.get(), batch, now);
            // The agent who handed it back may list it as queued; tell them it has gone.
            if (alreadyTold != null && !alreadyTold.equals(chosen.get())) {
                batch.add(alreadyTold, EventType.THREAD_STATUS_CHANGED,
                        EventPayloads.threadStatusChanged(thread, ThreadAction.ASSIGNED));
            }
            return;
        }
        batch.toWorkgroup(workgroup, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.QUEUED), alreadyTold);
        batch.toWorkgroup(workgroup, EventType.NEW_VISITOR_MESSAGE, EventPayloads.newVisitorThread(thread),
                alreadyTold);
        batch.visitorSees(thread, ThreadAction.QUEUED);
    }

    /** Capacity appeared in these workgroups: assign their queued threads, oldest first, while anyone can take one. */
    public void drain(Collection<Workgroup> workgroups, EventBatch batch, Instant now) {
        for (Workgroup workgroup : workgroups) {
            List<Agent> members = records.membersOf(workgroup);
            AgentPicker picker = AgentPicker.forMode(workgroup.getRoutingMode());
            List<ChatThread> queued = em.createNamedQuery(ChatThread.QUEUED_IN, ChatThread.class)
                    .setParameter("workgroup", workgroup)
                    .setMaxResults(DRAIN_BATCH)
                    .getResultList();
            for (ChatThread thread : queued) {
                Optional<Agent> chosen = picker.pick(workgroup, members);
                if (chosen.isEmpty()) {
                    break;
                }
                assign(workgroup, thread, chosen.get(), batch, now);
                // It leaves the queue every member sees; the new holder learns it on its own stream.
                batch.toWorkgroup(workgroup, EventType.THREAD_STATUS_CHANGED,
                        EventPayloads.threadStatusChanged(thread, ThreadAction.ASSIGNED), chosen.get());
            }
        }
    }

    private void assign(Workgroup workgroup, ChatThread thread, Agent agent, EventBatch batch, Instant now) {
        // Stamped when the choice is made, not when the transaction began: the idle order (both pickers that use it)
        // must follow the order of choices, or a slow transaction marks its agent as idler than one chosen after it.
        Instant chosenAt = Instant.now();
        if (chosenAt.isBefore(now)) {
            chosenAt = now;
        }
        thread.assignTo(agent, chosenAt);
        workgroup.assigned(agent.getUid());
        holders.record(thread, agent, chosenAt);
        batch.visitorSees(thread, ThreadAction.ASSIGNED);
        batch.add(agent, EventType.NEW_VISITOR_MESSAGE, EventPayloads.newVisitorThread(thread));
        batch.add(agent, EventType.THREAD_STATUS_CHANGED,
                EventPayloads.threadStatusChanged(thread, ThreadAction.ASSIGNED));
        unread.add(agent, thread, thread.takeUnreadWhileQueued(), batch);
    }
}
