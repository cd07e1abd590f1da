package dev.agentconsole.model.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idle deadline a thread carries and the workgroup's own idle time, without a container. */
class IdleDeadlineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    Workgroup sales;
    ChatThread thread;

    @BeforeEach
    void setUp() {
        Organisation org = new Organisation("org", "Org");
        sales = new Workgroup(org, "sales", "Sales");
        thread = ChatThread.openInWorkgroup(new Visitor(org, "V", T0), sales, "topic", T0);
    }

    @Test
    void isIdleFromItsDeadlineOnAndNotBefore() {
        assertFalse(thread.isIdleAt(T0.plus(Duration.ofDays(1))), "no deadline: never idle");
        thread.keepOpenUntil(T0.plusSeconds(60));
        assertFalse(thread.isIdleAt(T0.plusSeconds(59)));
        assertTrue(thread.isIdleAt(T0.plusSeconds(60)));
        thread.keepOpenUntil(T0.plusSeconds(120));
        assertFalse(thread.isIdleAt(T0.plusSeconds(60)), "a later activity moved the deadline");
    }

    @Test
    void closingRemovesTheDeadlineAndKeepsTheReason() {
        thread.keepOpenUntil(T0.plusSeconds(60));
        thread.close(null, CloseReason.IDLE, T0.plusSeconds(60));
        assertEquals(CloseReason.IDLE, thread.getCloseReason());
        assertNull(thread.getIdleCloseAt(), "the sweep's index no longer holds a closed thread");
        assertFalse(thread.isIdleAt(T0.plusSeconds(600)));
        thread.keepOpenUntil(T0.plusSeconds(900));
        assertNull(thread.getIdleCloseAt(), "a closed thread takes no deadline");
        assertEquals("idle", CloseReason.IDLE.wireName());
    }

    @Test
    void anIdleCloseFreesTheAgentLikeAnyClose() {
        Agent ann = new Agent(sales.getOrganisation(), "ann", "ann", 2);
        ann.joinWorkgroup(sales);
        ann.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, T0);
        thread.accept(ann, T0);
        assertEquals(1, ann.getActiveThreads());
        thread.close(null, CloseReason.IDLE, T0);
        assertEquals(0, ann.getActiveThreads());
    }

    @Test
    void aWorkgroupFollowsTheDefaultUntilItHasItsOwnIdleTime() {
        Duration deploymentDefault = Duration.ofMinutes(25);
        assertEquals(deploymentDefault, sales.idleCloseAfter(deploymentDefault));
        assertNull(sales.getIdleCloseAfter());
        sales.closeThreadsIdleFor(Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(5), sales.idleCloseAfter(deploymentDefault));
        assertEquals(Duration.ofMinutes(5), sales.getIdleCloseAfter());
        sales.closeThreadsIdleFor(null);
        assertEquals(deploymentDefault, sales.idleCloseAfter(deploymentDefault));
        assertThrows(IllegalArgumentException.class, () -> sales.closeThreadsIdleFor(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> sales.closeThreadsIdleFor(Duration.ofSeconds(-5)));
        assertNull(sales.getIdleCloseAfter(), "a refused value changes nothing");
    }
}
