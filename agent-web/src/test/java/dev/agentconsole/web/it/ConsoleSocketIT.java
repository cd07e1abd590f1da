package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.agent.control.AgentStatusTransitions;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.ws.AgentPresence;
import dev.agentconsole.web.ws.ConsoleSessions;
import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.session.boundary.ConsolePresences;
import dev.agentconsole.session.boundary.SignOuts;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import dev.agentconsole.thread.boundary.ThreadQueries;
import jakarta.json.Json;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The after-commit push path: EJB transaction → event log → CDI event after commit → every open console socket. */
@ExtendWith(ArquillianExtension.class)
class ConsoleSocketIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(SocketProbe.class, Http.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin admin;

    @Inject
    AgentStatusService statuses;

    @Inject
    AgentStatusTransitions statusTransaction;

    @Inject
    ThreadLifecycle threads;

    @Inject
    ConsoleCredentials credentials;

    @Inject
    ThreadQueries queries;

    @Inject
    EventReplay replay;

    @Inject
    AgentPresence presence;

    @Inject
    ConsoleSessions sessions;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SignOuts signOuts;

    @Inject
    ConsolePresences presences;

    TestOrganisation org;
    String sales;
    AgentView ann;

    @BeforeEach
    void tenant() {
        // Seconds instead of the default minute, so the presence tests wait seconds.
        presence.overrideGrace(java.time.Duration.ofSeconds(2));
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        ann = org.agent("ann", 3, sales);
    }

    @Test
    void socketWithoutValidCredentialIsClosedWithPolicyViolationAndGetsNothing() throws Exception {
        for (String query : new String[] {"", "?credential=", "?credential=forged.credential",
                "?credential=" + tampered(credentials.issue(ann.uid()))}) {
            try (SocketProbe probe = SocketProbe.connect(socket(query))) {
                CloseReason reason = probe.closed.get(10, TimeUnit.SECONDS);
                assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), reason.getCloseCode().getCode(), query);
                assertTrue(probe.received.isEmpty(), "nothing may be sent before authentication: " + query);
            }
        }
    }

    @Test
    void everyOpenConsoleOfTheAgentGetsCommittedEventsInOrder() throws Exception {
        String credential = credentials.issue(ann.uid());
        try (SocketProbe tab = SocketProbe.connect(socket("?credential=" + encode(credential)));
                SocketProbe iframe = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            long start = tab.nextOfType("hello").getJsonNumber("seq").longValue();
            assertEquals(start, iframe.nextOfType("hello").getJsonNumber("seq").longValue());

            statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
            threads.open(sales, null, "Visitor", "Hello");

            for (SocketProbe console : new SocketProbe[] {tab, iframe}) {
                JsonObject status = console.next();
                assertEquals("agent_status_changed", status.getString("type"));
                assertEquals(start + 1, status.getJsonNumber("seq").longValue());
                assertEquals("AVAILABLE", status.getJsonObject("data").getString("status"));
                JsonObject newVisitor = console.next();
                assertEquals("new_visitor_message", newVisitor.getString("type"));
                assertEquals(start + 2, newVisitor.getJsonNumber("seq").longValue());
                assertEquals("Visitor", newVisitor.getJsonObject("data").getJsonObject("thread")
                        .getJsonObject("user").getString("nickname"));
                JsonObject assigned = console.next();
                assertEquals("assigned", assigned.getJsonObject("data").getString("action"));
            }
        }
    }

    @Test
    void aRolledBackChangeIsNeverPushed() throws Exception {
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credentials.issue(ann.uid()))))) {
            long start = console.nextOfType("hello").getJsonNumber("seq").longValue();

            transaction.begin();
            statusTransaction.change(ann.uid(), AgentStatus.BUSY, StatusCause.ADMIN);
            transaction.rollback();
            statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);

            // The first frame after the rollback is the committed change, under the sequence the rollback gave back.
            JsonObject first = console.next();
            assertEquals("AVAILABLE", first.getJsonObject("data").getString("status"));
            assertEquals(start + 1, first.getJsonNumber("seq").longValue());
        }
    }

    @Test
    void reconnectingWithCursorsReplaysExactlyTheMissedEventsOfEveryStream() throws Exception {
        String credential = credentials.issue(ann.uid());
        String queue = "wg:" + sales;
        JsonObject cursors;
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            cursors = console.nextOfType("hello").getJsonObject("cursors");
            assertTrue(cursors.containsKey("agent") && cursors.containsKey(queue), cursors.toString());
            statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
            JsonObject available = console.next();
            assertEquals("agent", available.getString("stream"));
            cursors = Json.createObjectBuilder(cursors).add("agent", available.getJsonNumber("seq").longValue())
                    .build();
        }
        long agentSeen = cursors.getJsonNumber("agent").longValue();
        long queueSeen = cursors.getJsonNumber(queue).longValue();
        // Missed while disconnected: BUSY (own stream), a queued thread (the workgroup's stream), then AVAILABLE,
        // which drains the queue to ann (own stream; the queue's "assigned" is not for her, she is told directly).
        statuses.change(ann.uid(), AgentStatus.BUSY, StatusCause.HOST);
        threads.open(sales, null, "While away", "?");
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.HOST);

        try (SocketProbe resumed = SocketProbe.connect(socket("?credential=" + encode(credential) + "&cursors="
                + encode(cursors.toString())))) {
            assertFrame(resumed.next(), "agent", agentSeen + 1, "agent_status_changed");
            assertFrame(resumed.next(), queue, queueSeen + 1, "thread_status_changed");
            assertFrame(resumed.next(), queue, queueSeen + 2, "new_visitor_message");
            JsonObject available = resumed.next();
            assertFrame(available, "agent", agentSeen + 2, "agent_status_changed");
            assertEquals("AVAILABLE", available.getJsonObject("data").getString("status"));
            assertFrame(resumed.next(), "agent", agentSeen + 3, "new_visitor_message");
            assertFrame(resumed.next(), "agent", agentSeen + 4, "thread_status_changed");

            statuses.change(ann.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
            JsonObject live = resumed.nextOfType("agent_status_changed");
            assertEquals("BUSY", live.getJsonObject("data").getString("status"));
            assertEquals(agentSeen + 5, live.getJsonNumber("seq").longValue());
        }
    }

    @Test
    void anOlderConsoleResumingWithLastSeqAloneIsToldToReloadTheQueue() throws Exception {
        String credential = credentials.issue(ann.uid());
        long seen;
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            seen = console.nextOfType("hello").getJsonNumber("seq").longValue();
        }
        statuses.change(ann.uid(), AgentStatus.BUSY, StatusCause.HOST);
        try (SocketProbe resumed = SocketProbe.connect(socket("?credential=" + encode(credential)
                + "&lastSeq=" + seen))) {
            assertFrame(resumed.next(), "agent", seen + 1, "agent_status_changed");
            JsonObject resync = resumed.next();
            assertEquals("resync", resync.getString("type"));
            assertEquals("wg:" + sales, resync.getString("stream"));
        }
    }

    @Test
    void anAgentWhoseConsolesAreGoneLongerThanTheGraceGoesOfflineAndItsOfferedThreadsBackToTheQueue()
            throws Exception {
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        AgentView bob = org.agent("bob", 3, sales);
        String offered;
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credentials.issue(ann.uid()))))) {
            console.nextOfType("hello");
            offered = threads.open(sales, null, "Visitor", "Hello").uid();
            assertEquals(ann.uid(), queries.thread(ann.uid(), offered).agentUid());
        }
        await(() -> "OFFLINE".equals(queries.agent(ann.uid()).status()), "ann going offline after the grace");
        assertEquals("QUEUED", queries.thread(bob.uid(), offered).status());
        // Whoever watches the agent's stream (a console opening later, the bridge) sees the cause.
        String data = replay.since(ann.uid(), 0).events().stream()
                .filter(e -> e.type().equals("agent_status_changed")).reduce((a, b) -> b).orElseThrow().data();
        assertTrue(data.contains("\"cause\":\"DISCONNECTED\""), data);
    }

    @Test
    void aReloadWithinTheGracePeriodChangesNothing() throws Exception {
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        String credential = credentials.issue(ann.uid());
        SocketProbe before = SocketProbe.connect(socket("?credential=" + encode(credential)));
        before.nextOfType("hello");
        long checks = presence.checksRun(ann.uid());
        before.close();
        await(() -> sessions.openConsoles(ann.uid()) == 0, "the server seeing the old page's socket close");
        try (SocketProbe after = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            after.nextOfType("hello");
            await(() -> presence.checksRun(ann.uid()) > checks, "the presence check after the grace period");
            assertEquals("AVAILABLE", queries.agent(ann.uid()).status());
        }
    }

    /**
     * Another cluster member that still has a console of the agent open (its rows written as that member writes
     * them) keeps the agent connected when its last console here closes; once that member stops renewing its
     * liveness, the same close marks the agent disconnected.
     */
    @Test
    void anAgentWithAConsoleOnAnotherLiveMemberIsNotMarkedDisconnected() throws Exception {
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        String otherMember = "it-member-" + java.util.UUID.randomUUID();
        presences.heartbeat(otherMember, java.time.Instant.now());
        presences.record(otherMember, ann.uid(), true, java.time.Instant.now());
        try {
            long checks = presence.checksRun(ann.uid());
            closeOneConsole();
            await(() -> presence.checksRun(ann.uid()) > checks, "the presence check after the grace period");
            assertEquals("AVAILABLE", queries.agent(ann.uid()).status(), "the console on the other member counts");

            // The other member falls silent (killed): its heartbeat is older than three renewals.
            presences.heartbeat(otherMember, java.time.Instant.now().minus(java.time.Duration.ofMinutes(5)));
            closeOneConsole();
            await(() -> "OFFLINE".equals(queries.agent(ann.uid()).status()), "ann going offline after the grace");
        } finally {
            presences.leave(otherMember);
        }
    }

    /**
     * A member killed with an agent's only console: the heartbeat of a member still running notices the silence and
     * marks the agent disconnected, as the killed member would have after its grace period, and forgets that member.
     */
    @Test
    void anAgentWhoseOnlyConsoleWasOnAKilledMemberIsMarkedDisconnected() throws Exception {
        AgentView cleo = org.agent("cleo", 3, sales);
        AgentView dan = org.agent("dan", 3, sales);
        statuses.change(cleo.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        statuses.change(dan.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        java.time.Instant now = java.time.Instant.now();
        String killed = "it-killed-" + java.util.UUID.randomUUID();
        String alive = "it-alive-" + java.util.UUID.randomUUID();
        presences.heartbeat(killed, now.minus(java.time.Duration.ofMinutes(5)));
        presences.record(killed, cleo.uid(), true, now.minus(java.time.Duration.ofMinutes(10)));
        presences.record(killed, dan.uid(), true, now.minus(java.time.Duration.ofMinutes(10)));
        presences.heartbeat(alive, now);
        presences.record(alive, dan.uid(), true, now);
        try {
            presence.sweepSilentMembers(now);

            assertEquals("OFFLINE", queries.agent(cleo.uid()).status());
            assertEquals("AVAILABLE", queries.agent(dan.uid()).status(), "dan still has a console on a live member");
            assertTrue(presences.agentsOfSilentMembers(now.minus(java.time.Duration.ofSeconds(90)), 10).isEmpty(),
                    "the killed member is forgotten");
        } finally {
            presences.leave(alive);
        }
    }

    private void closeOneConsole() throws Exception {
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credentials.issue(ann.uid()))))) {
            console.nextOfType("hello");
        }
        await(() -> sessions.openConsoles(ann.uid()) == 0, "the server seeing the socket close");
    }

    private static void assertFrame(JsonObject frame, String stream, long seq, String type) {
        assertEquals(stream, frame.getString("stream"), frame.toString());
        assertEquals(seq, frame.getJsonNumber("seq").longValue(), frame.toString());
        assertEquals(type, frame.getString("type"), frame.toString());
    }

    /** Waits for a condition the server reaches on its own schedule (at most 30 s), checking every 100 ms. */
    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aBinaryFrameOrAnOversizedTextFrameClosesTheSocketInsteadOfLeavingItDead() throws Exception {
        String credential = credentials.issue(ann.uid());
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            console.nextOfType("hello");
            console.sendBinary(new byte[] {1, 2, 3});
            assertEquals(CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(),
                    console.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            console.nextOfType("hello");
            console.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            assertEquals(CloseReason.CloseCodes.TOO_BIG.getCode(),
                    console.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
    }

    @Test
    void aLogoutClosesEverySocketOfThatSessionWith1008AndItsCredentialStopsWorking() throws Exception {
        Http http = new Http(base);
        String signingOut = credentials.issue(ann.uid());
        String otherTab = credentials.issue(ann.uid());
        try (SocketProbe ending = SocketProbe.connect(socket("?credential=" + encode(signingOut)));
                SocketProbe staying = SocketProbe.connect(socket("?credential=" + encode(otherTab)))) {
            ending.nextOfType("hello");
            staying.nextOfType("hello");

            assertEquals(204, http.send("POST", "api/v1/session/logout", signingOut, null).statusCode());

            CloseReason reason = ending.closed.get(10, TimeUnit.SECONDS);
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), reason.getCloseCode().getCode());
            assertEquals("signed out", reason.getReasonPhrase());
            assertEquals(401, http.get("api/v1/me", signingOut).statusCode());
            // Another login session of the same agent is not touched.
            staying.send("{\"type\":\"ping\"}");
            assertEquals("pong", staying.nextOfType("pong").getString("type"));
            assertEquals(200, http.get("api/v1/me", otherTab).statusCode());
        }
        try (SocketProbe reopened = SocketProbe.connect(socket("?credential=" + encode(signingOut)))) {
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(),
                    reopened.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
    }

    @Test
    void aSignOutStoredByAnotherClusterMemberEndsTheSessionHereWithinSeconds() throws Exception {
        Http http = new Http(base);
        String credential = credentials.issue(ann.uid());
        ConsoleCredentials.ConsoleSession session = credentials.verify(credential).orElseThrow();
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            console.nextOfType("hello");
            // What another member's logout leaves behind: the row, and no local event on this member.
            signOuts.record(session.sessionId(), session.agentUid(), session.expiresAt());

            CloseReason reason = console.closed.get(10, TimeUnit.SECONDS);
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), reason.getCloseCode().getCode());
            assertEquals(401, http.get("api/v1/me", credential).statusCode());
        }
    }

    @Test
    void aRenewedCredentialOfTheSameSessionKeepsTheSocketAndAnyOtherCredentialEndsIt() throws Exception {
        Http http = new Http(base);
        String credential = credentials.issue(ann.uid());
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            console.nextOfType("hello");
            String renewed = ((JsonObject) Http.json(http.send("POST", "api/v1/session/renew", credential, null)))
                    .getString("credential");
            console.send(Json.createObjectBuilder().add("type", "credential").add("credential", renewed).build()
                    .toString());
            console.send("{\"type\":\"ping\"}");
            assertEquals("pong", console.nextOfType("pong").getString("type"));

            // A valid credential of another login session is not this socket's.
            console.send(Json.createObjectBuilder().add("type", "credential")
                    .add("credential", credentials.issue(ann.uid())).build().toString());
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(),
                    console.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
    }

    @Test
    void parallelWritersGetAGapFreeSequenceInCommitOrderAndEveryConsoleSeesItInOrder() throws Exception {
        int writers = 6;
        int perWriter = 8;
        String stream = EventStreams.ofWorkgroup(sales);
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credentials.issue(ann.uid()))))) {
            long start = console.nextOfType("hello").getJsonObject("cursors").getJsonNumber("wg:" + sales)
                    .longValue();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        // Ann is offline: each new thread waits in the queue, one event in the workgroup's stream.
                        threads.open(sales, null, "Visitor " + writer + "-" + i, "Hello");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }

            List<StreamEventRecorded> logged = replay.sinceInStream(stream, start).events();
            List<Long> seqs = logged.stream().map(StreamEventRecorded::seq).toList();
            List<Long> expected = java.util.stream.LongStream.rangeClosed(start + 1, start + seqs.size()).boxed()
                    .toList();
            assertEquals(expected, seqs, "one sequence number per event, none skipped or repeated");
            assertTrue(seqs.size() >= writers * perWriter, "every opened thread is in the stream: " + seqs.size());
            for (int i = 1; i < logged.size(); i++) {
                assertTrue(!logged.get(i).createdAt().isBefore(logged.get(i - 1).createdAt()),
                        "sequence order is commit order");
            }
            long last = start;
            while (last < start + seqs.size()) {
                JsonObject frame = console.next();
                if (("wg:" + sales).equals(frame.getString("stream", ""))) {
                    last = frame.getJsonNumber("seq").longValue();
                }
            }
            console.assertInOrder();
        }
    }

    @Test
    void heartbeatIsAnswered() throws Exception {
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credentials.issue(ann.uid()))))) {
            console.nextOfType("hello");
            console.send("{\"type\":\"ping\"}");
            assertEquals("pong", console.next().getString("type"));
        }
    }

    private URI socket(String query) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Flips one character of the signed body: same shape, wrong signature. */
    private static String tampered(String credential) {
        char c = credential.charAt(5);
        return credential.substring(0, 5) + (c == 'x' ? 'y' : 'x') + credential.substring(6);
    }
}
