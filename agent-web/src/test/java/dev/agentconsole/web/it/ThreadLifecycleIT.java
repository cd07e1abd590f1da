package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.message.boundary.MessageView;
import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.message.boundary.MessageService;
import dev.agentconsole.message.boundary.PostedMessage;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The transactional core inside a real Payara Micro, on the embedded default database or on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class ThreadLifecycleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar();
    }

    @Inject
    OrganisationAdmin admin;

    @Inject
    AgentStatusService statuses;

    @Inject
    ThreadLifecycle threads;

    @Inject
    MessageService messages;

    @Inject
    ThreadQueries queries;

    @Inject
    EventReplay replay;

    /** Managed threads (context propagated), one per racer: a pooled executor could leave racers waiting. */
    @Resource
    ManagedThreadFactory threadFactory;

    TestOrganisation org;
    String sales;
    String support;

    @BeforeEach
    void tenant() {
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        support = org.workgroup("support");
    }

    @Test
    void routesToTheAvailableAgentWithFewestThreadsThenLongestIdle() {
        AgentView ann = available(org.agent("ann", 3, sales));
        AgentView ben = available(org.agent("ben", 3, sales));
        AgentView offline = org.agent("olga", 3, sales);

        ThreadView first = threads.open(sales, null, "Visitor 1", "Pricing");
        ThreadView second = threads.open(sales, null, "Visitor 2", "Pricing");
        ThreadView third = threads.open(sales, null, "Visitor 3", "Pricing");

        assertEquals("ASSIGNED", first.status());
        // Both idle with no threads: one of them gets the first, the other (fewer threads) the second.
        assertTrue(List.of(ann.uid(), ben.uid()).contains(first.agentUid()));
        String other = first.agentUid().equals(ann.uid()) ? ben.uid() : ann.uid();
        assertEquals(other, second.agentUid());
        // Tie on load again: the one idle longest (assigned first) gets the third.
        assertEquals(first.agentUid(), third.agentUid());
        assertEquals(0, queries.agent(offline.uid()).activeThreads());
        assertEquals("WORKGROUP", first.type());
    }

    @Test
    void queuesWhenNobodyCanTakeItAndAssignsOldestFirstWhenAnAgentBecomesAvailable() {
        AgentView ann = org.agent("ann", 2, sales);
        AgentView bob = org.agent("bob", 2, sales);
        statuses.change(bob.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);

        ThreadView oldest = threads.open(sales, null, "V1", "a");
        ThreadView middle = threads.open(sales, null, "V2", "b");
        ThreadView newest = threads.open(sales, null, "V3", "c");
        assertEquals("QUEUED", oldest.status());
        assertNull(oldest.agentUid());
        // Queued threads are announced on the workgroup's stream, which every member's console follows.
        assertTrue(workgroupTypes(sales).contains("new_visitor_message"));
        assertFalse(types(ann.uid()).contains("new_visitor_message"));

        available(ann);

        assertEquals(ann.uid(), thread(ann, oldest).agentUid());
        assertEquals(ann.uid(), thread(ann, middle).agentUid());
        assertEquals("QUEUED", thread(ann, newest).status());
        assertEquals(2, queries.agent(ann.uid()).activeThreads());
    }

    @Test
    void closingFreesCapacityAndPullsTheNextQueuedThread() {
        AgentView ann = available(org.agent("ann", 1, sales));
        ThreadView chatting = threads.open(sales, null, "V1", "a");
        ThreadView waiting = threads.open(sales, null, "V2", "b");
        threads.accept(ann.uid(), chatting.uid());
        assertEquals("QUEUED", waiting.status());

        ThreadView closed = threads.close(ann.uid(), chatting.uid());

        assertEquals("CLOSED", closed.status());
        ThreadView pulled = thread(ann, waiting);
        assertEquals("ASSIGNED", pulled.status());
        assertEquals(ann.uid(), pulled.agentUid());
        assertEquals(1, queries.agent(ann.uid()).activeThreads());
    }

    @Test
    void acceptTransferAndReopenFollowTheStateMachine() {
        AgentView ann = available(org.agent("ann", 3, sales));
        AgentView ben = org.agent("ben", 3, sales, support);
        statuses.change(ben.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
        ThreadView thread = threads.open(sales, null, "V", "topic");

        assertEquals("CHATTING", threads.accept(ann.uid(), thread.uid()).status());
        ThreadView transferred = threads.transferToAgent(ann.uid(), thread.uid(), ben.uid());
        assertEquals("ASSIGNED", transferred.status());
        assertEquals(ben.uid(), transferred.agentUid());
        assertEquals(0, queries.agent(ann.uid()).activeThreads());
        assertEquals(1, queries.agent(ben.uid()).activeThreads());
        assertTrue(types(ben.uid()).contains("new_visitor_message"));
        String annSaw = lastOfType(ann.uid(), "thread_status_changed");
        assertTrue(annSaw.contains("\"action\":\"transferred\""), annSaw);

        threads.accept(ben.uid(), thread.uid());
        ThreadView requeued = threads.transferToWorkgroup(ben.uid(), thread.uid(), support);
        // Nobody in support is AVAILABLE (ben is BUSY): it waits in the support queue.
        assertEquals("QUEUED", requeued.status());
        assertEquals(support, requeued.workgroupUid());
        assertEquals(0, queries.agent(ben.uid()).activeThreads());

        threads.accept(ben.uid(), thread.uid());
        assertEquals("CLOSED", threads.close(ben.uid(), thread.uid()).status());
        ThreadView reopened = threads.reopen(ben.uid(), thread.uid());
        assertEquals("CHATTING", reopened.status());
        assertEquals(1, queries.agent(ben.uid()).activeThreads());
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        AgentView ann = available(org.agent("ann", 3, sales));
        AgentView ben = available(org.agent("ben", 3, sales));
        ThreadView thread = threads.open(sales, null, "V", "topic");
        String holder = thread.agentUid();
        String outsider = holder.equals(ann.uid()) ? ben.uid() : ann.uid();

        DomainRuleException notYours = assertThrows(DomainRuleException.class,
                () -> threads.accept(outsider, thread.uid()));
        assertEquals("thread_already_taken", notYours.getCode());
        assertEquals("not_your_thread",
                assertThrows(DomainRuleException.class, () -> threads.close(outsider, thread.uid())).getCode());
        assertEquals("thread_not_closed",
                assertThrows(DomainRuleException.class, () -> threads.reopen(holder, thread.uid())).getCode());

        threads.close(holder, thread.uid());
        long seqBefore = replay.latestSeq(holder);
        assertEquals("thread_closed",
                assertThrows(DomainRuleException.class, () -> threads.accept(holder, thread.uid())).getCode());
        assertEquals("thread_closed", assertThrows(DomainRuleException.class,
                () -> messages.postFromAgent(holder, thread.uid(), "m1", "hello")).getCode());

        ThreadView after = thread(ann, thread);
        assertEquals("CLOSED", after.status());
        assertEquals(0, queries.agent(holder).activeThreads());
        assertEquals(seqBefore, replay.latestSeq(holder), "a refused change writes no event");
    }

    @Test
    void anotherOrganisationsThreadIsNotFound() {
        AgentView ann = available(org.agent("ann", 3, sales));
        ThreadView thread = threads.open(sales, null, "V", "topic");
        TestOrganisation other = new TestOrganisation(admin);
        AgentView stranger = available(other.agent("eve", 3, other.workgroup("x")));

        assertThrows(dev.agentconsole.infrastructure.persistence.RecordNotFoundException.class,
                () -> threads.accept(stranger.uid(), thread.uid()));
        assertEquals(ann.uid(), thread(ann, thread).agentUid());
    }

    @Test
    void agentsWhoHeldAThreadKeepReadingItAfterItMovedOnOthersOutsideItsWorkgroupDoNot() {
        AgentView ann = available(org.agent("ann", 3, sales));
        ThreadView thread = threads.open(sales, null, "V", "topic");
        assertEquals(ann.uid(), thread.agentUid(), "offered to ann");
        statuses.change(ann.uid(), AgentStatus.OFFLINE, StatusCause.HOST);
        AgentView ben = org.agent("ben", 3, sales);
        statuses.change(ben.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
        threads.accept(ben.uid(), thread.uid());
        threads.transferToWorkgroup(ben.uid(), thread.uid(), support);
        AgentView sid = org.agent("sid", 3, support);
        AgentView nobody = org.agent("nobody", 3);

        // Now queued in support, which neither ann nor ben belongs to: they read it as earlier holders.
        assertEquals(support, queries.thread(ann.uid(), thread.uid()).workgroupUid());
        assertEquals("QUEUED", queries.thread(ben.uid(), thread.uid()).status());
        assertEquals(0, queries.messages(ben.uid(), thread.uid(), null, 10).messages().size());
        assertEquals("QUEUED", queries.thread(sid.uid(), thread.uid()).status());

        assertThrows(RecordNotFoundException.class, () -> queries.thread(nobody.uid(), thread.uid()));
        assertThrows(RecordNotFoundException.class, () -> queries.messages(nobody.uid(), thread.uid(), null, 10));
        assertThrows(RecordNotFoundException.class, () -> threads.close(nobody.uid(), thread.uid()));
        // Having held it does not make ann a member of support: reading it is not taking it.
        assertEquals("not_in_workgroup",
                assertThrows(DomainRuleException.class, () -> threads.accept(ann.uid(), thread.uid())).getCode());
        assertEquals("QUEUED", queries.thread(sid.uid(), thread.uid()).status());
    }

    @Test
    void goingOfflineHandsUnacceptedThreadsBackToTheQueue() {
        AgentView ann = available(org.agent("ann", 3, sales));
        ThreadView offered = threads.open(sales, null, "V1", "a");
        ThreadView accepted = threads.open(sales, null, "V2", "b");
        threads.accept(ann.uid(), accepted.uid());
        messages.postFromVisitor(offered.visitor().uid(), offered.uid(), "c1", "still there?");
        assertEquals(1, queries.unread(ann.uid(), offered.uid()));

        AgentView offline = statuses.change(ann.uid(), AgentStatus.OFFLINE, StatusCause.HOST);

        assertEquals("OFFLINE", offline.status());
        assertEquals(1, offline.activeThreads());
        ThreadView back = thread(ann, offered);
        assertEquals("QUEUED", back.status());
        assertNull(back.agentUid());
        assertEquals("CHATTING", thread(ann, accepted).status());
        assertEquals(0, queries.unread(ann.uid(), offered.uid()));

        // The unread message travels with the thread to whoever takes it next.
        AgentView ben = available(org.agent("ben", 3, sales));
        assertEquals(ben.uid(), thread(ann, offered).agentUid());
        assertEquals(1, queries.unread(ben.uid(), offered.uid()));
        String statusEvent = lastOfType(ann.uid(), "agent_status_changed");
        assertTrue(statusEvent.contains("\"OFFLINE\"") && statusEvent.contains("\"HOST\""), statusEvent);
    }

    @Test
    void messagesAreIdempotentAndDriveUnreadCounts() {
        AgentView ann = available(org.agent("ann", 3, sales));
        ThreadView thread = threads.open(sales, null, "V", "topic");
        String visitor = thread.visitor().uid();

        PostedMessage first = messages.postFromVisitor(visitor, thread.uid(), "client-1", "Hello <b>there</b>");
        PostedMessage again = messages.postFromVisitor(visitor, thread.uid(), "client-1", "Hello <b>there</b>");
        messages.postFromVisitor(visitor, thread.uid(), "client-2", "Anyone?");

        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.message().uid(), again.message().uid());
        assertEquals(2, queries.latestMessages(ann.uid(), thread.uid(), 10).size());
        assertEquals(2, queries.unread(ann.uid(), thread.uid()));
        assertEquals("Hello <b>there</b>", queries.latestMessages(ann.uid(), thread.uid(), 10).get(1).content());

        assertEquals(2, messages.clearUnread(ann.uid(), thread.uid()));
        assertEquals(0, queries.unread(ann.uid(), thread.uid()));

        messages.postFromVisitor(visitor, thread.uid(), "client-3", "Hello?");
        PostedMessage reply = messages.postFromAgent(ann.uid(), thread.uid(), "agent-1", "Hi!");
        assertEquals("AGENT", reply.message().senderKind());
        // Replying accepts the offered thread and reads it.
        assertEquals("CHATTING", thread(ann, thread).status());
        assertEquals(0, queries.unread(ann.uid(), thread.uid()));
    }

    @Test
    void eventLogSequenceIsGaplessAndIncreasingInCommitOrder() {
        AgentView ann = available(org.agent("ann", 3, sales));
        ThreadView thread = threads.open(sales, null, "V", "topic");
        messages.postFromVisitor(thread.visitor().uid(), thread.uid(), "c1", "hi");
        threads.accept(ann.uid(), thread.uid());
        threads.close(ann.uid(), thread.uid());

        EventReplay.Replay all = replay.since(ann.uid(), 0);
        assertFalse(all.resync());
        List<StreamEventRecorded> events = all.events();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq());
        }
        assertEquals(events.size(), all.latestSeq());
        List<String> types = events.stream().map(StreamEventRecorded::type).toList();
        assertEquals(List.of("agent_status_changed", "new_visitor_message", "thread_status_changed",
                "message_created", "unread_count_changed", "thread_status_changed", "unread_count_changed",
                "thread_status_changed"), types);
        assertTrue(events.get(2).data().contains("\"assigned\""));
        assertTrue(events.get(5).data().contains("\"accepted\""));
        assertTrue(events.get(7).data().contains("\"closed\""));

        EventReplay.Replay tail = replay.since(ann.uid(), 5);
        assertEquals(List.of(6L, 7L, 8L), tail.events().stream().map(StreamEventRecorded::seq).toList());
    }

    @Test
    void aQueuedThreadsMessagesWriteOneRowEachWhateverTheWorkgroupsSize() {
        List<AgentView> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AgentView member = org.agent("m" + i, 3, sales);
            statuses.change(member.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
            members.add(member);
        }
        String queue = EventStreams.ofWorkgroup(sales);
        ThreadView queued = threads.open(sales, null, "V", "waiting");
        assertEquals("QUEUED", queued.status());
        long queueRows = replay.rowsIn(queue);
        Map<String, Long> memberRows = members.stream().collect(Collectors.toMap(AgentView::uid,
                member -> replay.rowsIn(EventStreams.ofAgent(member.uid()))));

        for (int i = 0; i < 5; i++) {
            messages.postFromVisitor(queued.visitor().uid(), queued.uid(), "q" + i, "still waiting " + i);
        }

        assertEquals(queueRows + 5, replay.rowsIn(queue), "one row per message on the workgroup's stream");
        for (AgentView member : members) {
            assertEquals(memberRows.get(member.uid()), replay.rowsIn(EventStreams.ofAgent(member.uid())),
                    "no row in a member's own stream");
        }
        List<String> queueTypes = workgroupTypes(sales);
        assertEquals("message_created", queueTypes.get(queueTypes.size() - 1));
    }

    @Test
    void concurrentMessagesFromBothSidesOfOneThreadAreAllStoredOnceInOneOrder() throws Exception {
        AgentView ann = available(org.agent("ann", 3, sales));
        ThreadView thread = threads.open(sales, null, "V", "busy thread");
        threads.accept(ann.uid(), thread.uid());
        String visitor = thread.visitor().uid();
        List<Callable<Object>> posts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            posts.add(() -> messages.postFromVisitor(visitor, thread.uid(), "v" + n, "visitor " + n));
            posts.add(() -> messages.postFromAgent(ann.uid(), thread.uid(), "a" + n, "agent " + n));
        }
        // Some posts sent twice (a client retrying after a timeout): answered with the stored message.
        for (int i = 0; i < 10; i++) {
            int n = i;
            posts.add(() -> messages.postFromVisitor(visitor, thread.uid(), "v" + n, "visitor " + n));
        }

        List<Object> outcomes = Racers.race(threadFactory, posts);

        List<Object> failures = outcomes.stream().filter(o -> !(o instanceof PostedMessage)).toList();
        assertEquals(List.of(), failures);
        List<MessageView> stored = queries.visitorMessages(visitor, thread.uid(), null);
        assertEquals(120, stored.size());
        assertEquals(120, stored.stream().map(MessageView::clientMessageId).distinct().count());
        // One server order: ids and times agree.
        for (int i = 1; i < stored.size(); i++) {
            assertFalse(stored.get(i).createdAt().isBefore(stored.get(i - 1).createdAt()), "order at " + i);
        }
        // Every agent reply clears the agent's unread; every visitor message after the last reply is unread.
        int unreadExpected = 0;
        for (MessageView message : stored) {
            unreadExpected = "AGENT".equals(message.senderKind()) ? 0 : unreadExpected + 1;
        }
        assertEquals(unreadExpected, queries.unread(ann.uid(), thread.uid()));
    }

    @Test
    void exactlyOneOfTwoAgentsAcceptingTheSameQueuedThreadWins() throws Exception {
        AgentView ann = org.agent("ann", 20, sales);
        AgentView ben = org.agent("ben", 20, sales);
        statuses.change(ann.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
        statuses.change(ben.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
        for (int round = 0; round < 10; round++) {
            ThreadView queued = threads.open(sales, null, "V" + round, "race");
            assertEquals("QUEUED", queued.status());

            List<Object> outcomes = Racers.race(threadFactory, List.of(
                    () -> threads.accept(ann.uid(), queued.uid()),
                    () -> threads.accept(ben.uid(), queued.uid())));

            List<ThreadView> winners = outcomes.stream().filter(ThreadView.class::isInstance)
                    .map(ThreadView.class::cast).toList();
            List<DomainRuleException> losers = outcomes.stream().filter(DomainRuleException.class::isInstance)
                    .map(DomainRuleException.class::cast).toList();
            assertEquals(1, winners.size(), "round " + round + ": " + outcomes);
            assertEquals(1, losers.size(), "round " + round + ": " + outcomes);
            assertEquals("thread_already_taken", losers.get(0).getCode());
            assertEquals(winners.get(0).agentUid(), thread(ann, queued).agentUid());
        }
        assertEquals(10, queries.agent(ann.uid()).activeThreads() + queries.agent(ben.uid()).activeThreads());
    }

    @Test
    void concurrentRoutingNeverExceedsCapacity() throws Exception {
        AgentView ann = available(org.agent("ann", 2, sales));
        AgentView ben = available(org.agent("ben", 3, sales));
        List<Callable<Object>> visitors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            visitors.add(() -> threads.open(sales, null, "V" + n, "rush"));
        }

        List<Object> outcomes = Racers.race(threadFactory, visitors);

        List<ThreadView> opened = outcomes.stream().map(ThreadView.class::cast).toList();
        Map<String, Long> perAgent = opened.stream().filter(t -> t.agentUid() != null)
                .collect(Collectors.groupingBy(ThreadView::agentUid, Collectors.counting()));
        assertEquals(2L, perAgent.get(ann.uid()));
        assertEquals(3L, perAgent.get(ben.uid()));
        assertEquals(7, opened.stream().filter(t -> "QUEUED".equals(t.status())).count());
        assertEquals(2, queries.agent(ann.uid()).activeThreads());
        assertEquals(3, queries.agent(ben.uid()).activeThreads());
    }

    private AgentView available(AgentView agent) {
        return statuses.change(agent.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
    }

    private ThreadView thread(AgentView viewer, ThreadView thread) {
        return queries.thread(viewer.uid(), thread.uid());
    }

    private List<String> types(String agentUid) {
        return replay.since(agentUid, 0).events().stream().map(StreamEventRecorded::type).toList();
    }

    private List<String> workgroupTypes(String workgroupUid) {
        return replay.sinceInStream(EventStreams.ofWorkgroup(workgroupUid), 0).events().stream()
                .map(StreamEventRecorded::type).toList();
    }

    private String lastOfType(String agentUid, String type) {
        List<StreamEventRecorded> events = replay.since(agentUid, 0).events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals(type)) {
                return events.get(i).data();
            }
        }
        return "";
    }
}
