package dev.agentconsole.thread.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.CloseReason;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read a thread and a visitor record, and that the database is asked only when nothing cheaper decides. */
class ThreadReadRuleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    Organisation org;
    Workgroup sales;
    Agent holder;
    Agent other;
    Visitor visitor;
    ChatThread thread;
    AtomicInteger lookups;

    @BeforeEach
    void setUp() {
        org = new Organisation("org", "Org");
        sales = new Workgroup(org, "sales", "Sales");
        holder = new Agent(org, "holder", "holder", 3);
        holder.joinWorkgroup(sales);
        holder.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, T0);
        other = new Agent(org, "other", "other", 3);
        visitor = new Visitor(org, "V", T0);
        thread = ChatThread.openInWorkgroup(visitor, sales, "topic", T0);
        lookups = new AtomicInteger();
    }

    @Test
    void theHolderReadsWithoutAskingTheDatabase() {
        thread.assignTo(holder, T0);

        assertTrue(ThreadReadRule.mayRead(holder, thread, database(false)));
        assertEquals(0, lookups.get());
    }

    @Test
    void theLastHolderOfAClosedThreadStillReadsIt() {
        thread.assignTo(holder, T0);
        thread.close(holder, CloseReason.AGENT, T0);

        assertTrue(ThreadReadRule.mayRead(holder, thread, database(false)));
        assertEquals(0, lookups.get());
    }

    @Test
    void anyoneElseReadsOnlyWhenTheDatabaseKnowsThemAsMemberOrPastHolder() {
        thread.assignTo(holder, T0);

        assertFalse(ThreadReadRule.mayRead(other, thread, database(false)));
        assertTrue(ThreadReadRule.mayRead(other, thread, database(true)));
        assertEquals(2, lookups.get());
    }

    @Test
    void aQueuedThreadHasNoHolderSoMembershipDecides() {
        assertTrue(ThreadReadRule.mayRead(holder, thread, database(true)));
        assertFalse(ThreadReadRule.mayRead(other, thread, database(false)));
    }

    @Test
    void aSupervisorReadsEveryThreadAndVisitorOfItsOrganisation() {
        other.replaceRoles(Set.of(AgentRole.SUPERVISOR));

        assertTrue(ThreadReadRule.mayRead(other, thread, database(false)));
        assertTrue(ThreadReadRule.mayRead(other, visitor, database(false)));
        assertEquals(0, lookups.get());
    }

    @Test
    void anotherOrganisationReadsNothingNotEvenItsSupervisor() {
        Organisation elsewhere = new Organisation("elsewhere", "Elsewhere");
        Agent stranger = new Agent(elsewhere, "eve", "eve", 3);
        stranger.replaceRoles(Set.of(AgentRole.SUPERVISOR));

        assertFalse(ThreadReadRule.mayRead(stranger, thread, database(true)));
        assertFalse(ThreadReadRule.mayRead(stranger, visitor, database(true)));
        assertEquals(0, lookups.get());
    }

    @Test
    void aVisitorRecordFollowsItsThreads() {
        assertFalse(ThreadReadRule.mayRead(other, visitor, database(false)));
        assertTrue(ThreadReadRule.mayRead(other, visitor, database(true)));
    }

    private BooleanSupplier database(boolean answer) {
        return () -> {
            lookups.incrementAndGet();
            return answer;
        };
    }
}
