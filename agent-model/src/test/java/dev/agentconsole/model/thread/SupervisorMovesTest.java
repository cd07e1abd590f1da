package dev.agentconsole.model.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supervisor's two moves on a queued thread, and the moments the supervisor figures are taken from. */
class SupervisorMovesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    Organisation org;
    Workgroup sales;
    Workgroup support;
    Agent ann;
    ChatThread thread;

    @BeforeEach
    void setUp() {
        org = new Organisation("org", "Org");
        sales = new Workgroup(org, "sales", "Sales");
        support = new Workgroup(org, "support", "Support");
        ann = new Agent(org, "ann", "Ann", 1);
        ann.changeStatus(AgentStatus.BUSY, StatusCause.CONSOLE, T0);
        thread = ChatThread.openInWorkgroup(new Visitor(org, "V", T0), sales, "topic", T0);
    }

    @Test
    void assignsToABusyAgentOutsideTheWorkgroupWithCapacity() {
        thread.assignBySupervisor(ann, T0.plusSeconds(5));
        assertEquals(ThreadStatus.ASSIGNED, thread.getStatus());
        assertSame(ann, thread.getAgent());
        assertEquals(1, ann.getActiveThreads());
        assertEquals(T0.plusSeconds(5), thread.getFirstAssignedAt());
    }

    @Test
    void refusesAFullAgentAndLeavesTheThreadQueued() {
        thread.assignBySupervisor(ann, T0);
        ChatThread other = ChatThread.openInWorkgroup(new Visitor(org, "W", T0), sales, "t", T0);
        DomainRuleException refused = assertThrows(DomainRuleException.class,
                () -> other.assignBySupervisor(ann, T0));
        assertEquals("agent_full", refused.getCode());
        assertEquals(ThreadStatus.QUEUED, other.getStatus());
        assertNull(other.getAgent());
        assertEquals(1, ann.getActiveThreads());
    }

    @Test
    void refusesAnOfflineAgent() {
        ann.changeStatus(AgentStatus.OFFLINE, StatusCause.CONSOLE, T0);
        assertEquals("agent_offline",
                assertThrows(DomainRuleException.class, () -> thread.assignBySupervisor(ann, T0)).getCode());
        assertEquals(0, ann.getActiveThreads());
    }

    @Test
    void refusesAThreadThatIsNotQueued() {
        thread.assignBySupervisor(ann, T0);
        assertEquals("thread_not_queued",
                assertThrows(DomainRuleException.class, () -> thread.moveQueueTo(support, T0)).getCode());
        assertSame(sales, thread.getWorkgroup());
    }

    @Test
    void movesToAnotherQueueKeepingItsWaitingTime() {
        thread.moveQueueTo(support, T0.plusSeconds(60));
        assertSame(support, thread.getWorkgroup());
        assertEquals(ThreadStatus.QUEUED, thread.getStatus());
        assertEquals(T0, thread.getQueuedAt());
    }

    @Test
    void refusesTheSameOrAForeignWorkgroup() {
        assertEquals("same_workgroup",
                assertThrows(DomainRuleException.class, () -> thread.moveQueueTo(sales, T0)).getCode());
        Workgroup foreign = new Workgroup(new Organisation("other", "Other"), "x", "X");
        assertEquals("foreign_workgroup",
                assertThrows(DomainRuleException.class, () -> thread.moveQueueTo(foreign, T0)).getCode());
        assertSame(sales, thread.getWorkgroup());
    }

    @Test
    void theFirstAgentReplyIsTheFirstResponseAndLaterOnesDoNotMoveIt() {
        thread.assignBySupervisor(ann, T0.plusSeconds(3));
        thread.recordMessage("hello?", true, T0.plusSeconds(4));
        assertNull(thread.getFirstResponseAt());
        thread.accept(ann, T0.plusSeconds(5));
        thread.recordMessage("hi", false, T0.plusSeconds(9));
        thread.recordMessage("more", false, T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(9), thread.getFirstResponseAt());
        assertSame(ann, thread.getFirstResponder());
        thread.close(ann, T0.plusSeconds(30));
        thread.reopen(ann, T0.plusSeconds(40));
        assertEquals(T0.plusSeconds(3), thread.getFirstAssignedAt());
    }
}
