package dev.agentconsole.model.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** The thread state machine without a container: every legal move, and refusals that leave everything as it was. */
class ChatThreadTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    Organisation org;
    Workgroup sales;
    Agent ann;
    Agent ben;
    ChatThread thread;

    @BeforeEach
    void setUp() {
        org = new Organisation("org", "Org");
        sales = new Workgroup(org, "sales", "Sales");
        ann = agent("ann", 2);
        ben = agent("ben", 2);
        thread = ChatThread.openInWorkgroup(new Visitor(org, "V", T0), sales, "topic", T0);
    }

    private Agent agent(String name, int max) {
        Agent agent = new Agent(org, name, name, max);
        agent.joinWorkgroup(sales);
        agent.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, T0);
        return agent;
    }

    @Test
    void opensQueuedThenAssignAcceptCloseReopen() {
        assertEquals(ThreadStatus.QUEUED, thread.getStatus());
        thread.assignTo(ann, T0);
        assertEquals(ThreadStatus.ASSIGNED, thread.getStatus());
        assertEquals(1, ann.getActiveThreads());
        thread.accept(ann, T0);
        assertEquals(ThreadStatus.CHATTING, thread.getStatus());
        thread.close(ann, CloseReason.AGENT, T0);
        assertEquals(ThreadStatus.CLOSED, thread.getStatus());
        assertEquals(CloseReason.AGENT, thread.getCloseReason());
        assertEquals(0, ann.getActiveThreads());
        thread.reopen(ann, T0);
        assertEquals(ThreadStatus.CHATTING, thread.getStatus());
        assertNull(thread.getCloseReason(), "a reopened thread is no longer closed for any reason");
        assertEquals(1, ann.getActiveThreads());
    }

    @Test
    void acceptingFromTheQueueTakesIt() {
        thread.accept(ben, T0);
        assertEquals(ben, thread.getAgent());
        assertEquals(1, ben.getActiveThreads());
        DomainRuleException taken = assertThrows(DomainRuleException.class, () -> thread.accept(ann, T0));
        assertEquals("thread_already_taken", taken.getCode());
        assertEquals(0, ann.getActiveThreads());
    }

    @Test
    void transferMovesTheLoad() {
        thread.assignTo(ann, T0);
        thread.accept(ann, T0);
        thread.transferTo(ben, ann, T0);
        assertEquals(ThreadStatus.ASSIGNED, thread.getStatus());
        assertEquals(0, ann.getActiveThreads());
        assertEquals(1, ben.getActiveThreads());
        Workgroup support = new Workgroup(org, "support", "Support");
        thread.transferTo(support, ben, T0);
        assertEquals(ThreadStatus.QUEUED, thread.getStatus());
        assertEquals(support, thread.getWorkgroup());
        assertNull(thread.getAgent());
        assertEquals(0, ben.getActiveThreads());
    }

    @Test
    void refusalsChangeNothing() {
        thread.assignTo(ann, T0);
        assertEquals("not_your_thread", assertThrows(DomainRuleException.class,
                () -> thread.transferTo(ann, ben, T0)).getCode());
        assertEquals("transfer_to_self", assertThrows(DomainRuleException.class,
                () -> thread.transferTo(ann, ann, T0)).getCode());
        assertEquals("thread_not_queued", assertThrows(DomainRuleException.class,
                () -> thread.assignTo(ben, T0)).getCode());
        assertEquals("thread_not_closed", assertThrows(DomainRuleException.class,
                () -> thread.reopen(ann, T0)).getCode());
        assertEquals(ThreadStatus.ASSIGNED, thread.getStatus());
        assertEquals(1, ann.getActiveThreads());
        assertEquals(0, ben.getActiveThreads());

        thread.close(null, CloseReason.VISITOR, T0);
        assertEquals("thread_closed", assertThrows(DomainRuleException.class,
                () -> thread.close(ann, CloseReason.AGENT, T0)).getCode());
        assertEquals(CloseReason.VISITOR, thread.getCloseReason(), "a refused second close keeps the first reason");
        assertEquals("thread_closed", assertThrows(DomainRuleException.class,
                () -> thread.recordMessage("hi", true, T0)).getCode());
    }

    @Test
    void routingRespectsStatusAndCapacity() {
        ann.changeStatus(AgentStatus.BUSY, StatusCause.CONSOLE, T0);
        assertEquals("agent_unavailable", assertThrows(DomainRuleException.class,
                () -> thread.assignTo(ann, T0)).getCode());
        Agent full = agent("full", 1);
        ChatThread other = ChatThread.openInWorkgroup(new Visitor(org, "W", T0), sales, "x", T0);
        other.assignTo(full, T0);
        assertEquals("agent_unavailable", assertThrows(DomainRuleException.class,
                () -> thread.assignTo(full, T0)).getCode());
    }

    @Test
    void offlineAgentsCannotTakeThreadsAndOtherTenantsAreRefused() {
        ann.changeStatus(AgentStatus.OFFLINE, StatusCause.SYSTEM, T0);
        assertEquals("agent_offline", assertThrows(DomainRuleException.class,
                () -> thread.accept(ann, T0)).getCode());
        Organisation otherOrg = new Organisation("other", "Other");
        Agent stranger = new Agent(otherOrg, "eve", "Eve", 3);
        assertEquals("foreign_agent", assertThrows(DomainRuleException.class,
                () -> thread.accept(stranger, T0)).getCode());
    }

    @Test
    void unreadWhileQueuedIsHandedToTheNextAgent() {
        thread.recordMessage("hello   there\n", true, T0);
        thread.recordMessage("anyone?", true, T0);
        assertEquals("anyone?", thread.getLastMessagePreview());
        assertEquals(2, thread.takeUnreadWhileQueued());
        assertEquals(0, thread.takeUnreadWhileQueued());
    }

    @Test
    void previewIsFlattenedAndBounded() {
        thread.recordMessage("x".repeat(500), true, T0);
        assertEquals(ChatThread.PREVIEW_LENGTH, thread.getLastMessagePreview().length());
    }
}
