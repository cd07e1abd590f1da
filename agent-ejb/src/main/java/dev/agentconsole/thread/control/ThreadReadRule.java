package dev.agentconsole.thread.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.visitor.Visitor;
import java.util.function.BooleanSupplier;

/**
 * Who may read a thread (and so its messages, and change it when the state machine allows): inside its organisation,
 * the agent holding it (or who held it last, once closed), a member of its workgroup, an agent who held it before,
 * and a supervisor. A visitor's record is readable with any of that visitor's threads. Everyone else is told the
 * record does not exist. The answers known from the loaded rows come first; the database is asked only when they do
 * not decide, which keeps the common case (an agent reading its own thread) free of extra queries.
 */
public final class ThreadReadRule {

    private ThreadReadRule() {
    }

    /** {@code memberOrPastHolder} asks the database; it is called only when nothing cheaper decides. */
    public static boolean mayRead(Agent reader, ChatThread thread, BooleanSupplier memberOrPastHolder) {
        if (!reader.getOrganisation().equals(thread.getOrganisation())) {
            return false;
        }
        if (reader.hasRole(AgentRole.SUPERVISOR) || reader.equals(thread.getAgent())) {
            return true;
        }
        return memberOrPastHolder.getAsBoolean();
    }

    /** {@code readsAnyOfItsThreads} applies {@link #mayRead} to the visitor's threads in the database. */
    public static boolean mayRead(Agent reader, Visitor visitor, BooleanSupplier readsAnyOfItsThreads) {
        if (!reader.getOrganisation().equals(visitor.getOrganisation())) {
            return false;
        }
        return reader.hasRole(AgentRole.SUPERVISOR) || readsAnyOfItsThreads.getAsBoolean();
    }
}
