package dev.agentconsole.thread.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deadline each activity gives a thread: the workgroup's idle time, else the deployment's; zero turns it off. */
class IdleDeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    IdleDeadlines deadlines = new IdleDeadlines();
    Workgroup sales;
    ChatThread thread;

    @BeforeEach
    void setUp() {
        deadlines.defaultIdle = Duration.ofMinutes(25);
        Organisation org = new Organisation("org", "Org");
        sales = new Workgroup(org, "sales", "Sales");
        thread = ChatThread.openInWorkgroup(new Visitor(org, "V", T0), sales, "topic", T0);
    }

    @Test
    void theDeploymentDefaultAppliesToWorkgroupsWithoutTheirOwn() {
        deadlines.renew(thread, T0);
        assertEquals(T0.plus(Duration.ofMinutes(25)), thread.getIdleCloseAt());
    }

    @Test
    void aWorkgroupsOwnIdleTimeWinsFromTheNextActivity() {
        deadlines.renew(thread, T0);
        sales.closeThreadsIdleFor(Duration.ofSeconds(90));
        assertEquals(T0.plus(Duration.ofMinutes(25)), thread.getIdleCloseAt(), "nothing moves by itself");
        deadlines.renew(thread, T0.plusSeconds(10));
        assertEquals(T0.plusSeconds(100), thread.getIdleCloseAt());
    }

    @Test
    void aZeroDefaultMeansThreadsNeverCloseForIdleness() {
        deadlines.defaultIdle = Duration.ZERO;
        deadlines.renew(thread, T0);
        assertNull(thread.getIdleCloseAt());
    }
}
