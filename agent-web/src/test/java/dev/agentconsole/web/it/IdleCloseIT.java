package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.infrastructure.persistence.ConcurrentChangeException;
import dev.agentconsole.message.boundary.MessageService;
import dev.agentconsole.message.boundary.MessageView;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.thread.control.ThreadTransitions;
import dev.agentconsole.web.auth.ConsoleCredentials;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idle auto-close: a thread nobody writes in for its workgroup's idle time closes itself (reason {@code idle}, on the
 * console's and the visitor's events, in the REST shapes, the visitor's token then ends the chat), a message before
 * the deadline keeps it open, and of several sweepers racing for one thread exactly one closes it. The sweep runs
 * every second here (arquillian.xml); workgroups get idle times of seconds through {@link OrganisationAdmin}.
 */
@ExtendWith(ArquillianExtension.class)
class IdleCloseIT {

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
    ThreadLifecycle threads;

    @Inject
    ThreadTransitions transitions;

    @Inject
    MessageService messages;

    @Inject
    ThreadQueries queries;

    @Inject
    EventReplay replay;

    @Inject
    ConsoleCredentials credentials;

    @Resource
    ManagedExecutorService executor;

    TestOrganisation org;
    String sales;
    AgentView ann;
    Http http;

    @BeforeEach
    void tenant() {
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        ann = org.agent("ann", 3, sales);
        http = new Http(base);
    }

    @Test
    void aThreadNobodyWritesInClosesItselfAndEveryoneIsToldWhy() throws Exception {
        admin.setWorkgroupIdleClose(sales, Duration.ofSeconds(2));
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        String credential = credentials.issue(ann.uid());
        try (SocketProbe console = SocketProbe.connect(consoleSocket(credential))) {
            console.nextOfType("hello");
            JsonObject chat = startChat("Quiet");
            String thread = chat.getJsonObject("thread").getString("uid");
            String token = chat.getString("visitorToken");
            try (SocketProbe visitor = SocketProbe.connect(visitorSocket(token, thread))) {
                visitor.send("{\"type\":\"ping\"}");
                assertEquals("pong", visitor.next().getString("type"), "the visitor's socket is registered");

                JsonObject closed = nextClose(console, thread);
                assertEquals("idle", closed.getJsonObject("thread").getString("closeReason"), closed.toString());
                assertEquals("CLOSED", closed.getJsonObject("thread").getString("status"));

                JsonObject told = visitor.nextOfType("thread_status_changed").getJsonObject("data");
                assertEquals("CLOSED", told.getJsonObject("thread").getString("status"));
                assertEquals("idle", told.getJsonObject("thread").getString("closeReason"));
                assertEquals(4410, visitor.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
                        "the visitor's socket ends with the chat");
            }

            JsonObject shown = object(http.get("api/v1/threads/" + thread, credential));
            assertEquals("CLOSED", shown.getString("status"));
            assertEquals("idle", shown.getString("closeReason"));
            assertTrue(shown.getJsonNumber("updatedAt").longValue() - shown.getJsonNumber("createdAt").longValue()
                    >= 2_000, "not closed before its idle time: " + shown);
            assertTrue(queries.threads(ann.uid(), ThreadQueries.View.CLOSED).stream()
                    .anyMatch(item -> item.thread().uid().equals(thread) && "idle".equals(item.thread().closeReason())));
            assertEquals(0, queries.agent(ann.uid()).activeThreads(), "the idle close freed the agent's slot");

            HttpResponse<String> read = http.get("api/v1/visitor/threads/" + thread, token);
            assertEquals(410, read.statusCode(), read.body());
            assertEquals("chat_ended", object(read).getString("error"));
            HttpResponse<String> post = http.send("POST", "api/v1/visitor/threads/" + thread + "/messages", token,
                    message("still there?"));
            assertEquals(410, post.statusCode(), post.body());
            assertTrue(queries.visitorMessages(chat.getString("visitorUid"), thread, null).isEmpty(),
                    "nothing was stored after the close");
        }
    }

    @Test
    void visitorMessagesBeforeTheDeadlineKeepTheThreadOpen() throws Exception {
        admin.setWorkgroupIdleClose(sales, Duration.ofSeconds(3));
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        String credential = credentials.issue(ann.uid());
        try (SocketProbe console = SocketProbe.connect(consoleSocket(credential))) {
            console.nextOfType("hello");
            JsonObject chat = startChat("Chatty");
            String thread = chat.getJsonObject("thread").getString("uid");
            String token = chat.getString("visitorToken");

            // The visitor writes every second for twice the idle time: each message comes before the deadline.
            long lastMessageAt = 0;
            for (int i = 0; i < 6; i++) {
                TimeUnit.SECONDS.sleep(1);
                HttpResponse<String> posted = http.send("POST", "api/v1/visitor/threads/" + thread + "/messages",
                        token, message("message " + i));
                assertEquals(201, posted.statusCode(), "message " + i + ": " + posted.body());
                lastMessageAt = object(posted).getJsonNumber("createdAt").longValue();
            }
            HttpResponse<String> open = http.get("api/v1/visitor/threads/" + thread, token);
            assertEquals(200, open.statusCode(), open.body());
            assertFalse("CLOSED".equals(object(open).getString("status")));

            // Then silence: the thread closes, its idle time after the last message.
            JsonObject closed = nextClose(console, thread);
            assertEquals("idle", closed.getJsonObject("thread").getString("closeReason"));
            long closedAt = object(http.get("api/v1/threads/" + thread, credential)).getJsonNumber("updatedAt")
                    .longValue();
            assertTrue(closedAt - lastMessageAt >= 3_000, "closed " + (closedAt - lastMessageAt) + " ms after the last message");
        }
    }

    @Test
    void theDeadlineIsCheckedUnderTheThreadsLockSoTheLatestMessageDecides() {
        // An hour: the scheduled sweep leaves these threads alone, the test names the instants itself.
        admin.setWorkgroupIdleClose(sales, Duration.ofHours(1));
        ThreadView thread = threads.open(sales, null, "Visitor", "topic");
        Instant firstDeadline = thread.createdAt().plus(Duration.ofHours(1));

        assertFalse(transitions.closeIfIdle(thread.uid(), firstDeadline.minusMillis(1)), "just before: still open");
        MessageView message = messages.postFromVisitor(thread.visitor().uid(), thread.uid(), "m-1", "hello?")
                .message();
        assertFalse(transitions.closeIfIdle(thread.uid(), firstDeadline.plusMillis(1)), "the message moved the deadline");
        assertEquals("QUEUED", queries.visitorThread(thread.visitor().uid(), thread.uid()).status());

        Instant secondDeadline = message.createdAt().plus(Duration.ofHours(1));
        assertFalse(transitions.closeIfIdle(thread.uid(), secondDeadline.minusMillis(1)));
        // A millisecond either side: the stored instant may be rounded to the database's microseconds.
        assertTrue(transitions.closeIfIdle(thread.uid(), secondDeadline.plusMillis(1)));
        ThreadView closed = queries.visitorThread(thread.visitor().uid(), thread.uid());
        assertEquals("CLOSED", closed.status());
        assertEquals("idle", closed.closeReason());
        assertFalse(transitions.closeIfIdle(thread.uid(), secondDeadline.plusSeconds(60)), "closed once");
    }

    @Test
    void aWorkgroupWithoutItsOwnIdleTimeFollowsTheDefaultOf25Minutes() {
        String support = org.workgroup("support");
        ThreadView thread = threads.open(support, null, "Visitor", "topic");
        Instant deadline = thread.createdAt().plus(Duration.ofMinutes(25));

        assertFalse(transitions.closeIfIdle(thread.uid(), deadline.minusMillis(1)));
        assertTrue(transitions.closeIfIdle(thread.uid(), deadline.plusMillis(1)));
        assertEquals("idle", queries.visitorThread(thread.visitor().uid(), thread.uid()).closeReason());
    }

    @Test
    void ofSweepersRacingForOneThreadExactlyOneClosesIt() throws Exception {
        admin.setWorkgroupIdleClose(sales, Duration.ofHours(1));
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        ThreadView thread = threads.open(sales, null, "Visitor", "topic");
        assertEquals(ann.uid(), thread.agentUid(), "routed to ann");
        Instant due = thread.createdAt().plus(Duration.ofHours(1)).plusSeconds(1);

        // What several cluster members sweeping at once do: each closes the due thread in its own transaction.
        int sweepers = 8;
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < sweepers; i++) {
            runs.add(executor.submit(() -> {
                gate.await();
                try {
                    return transitions.closeIfIdle(thread.uid(), due);
                } catch (ConcurrentChangeException lost) {
                    return false;
                }
            }));
        }
        gate.countDown();
        int closedBy = 0;
        for (Future<Boolean> run : runs) {
            closedBy += run.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertEquals(1, closedBy, "exactly one sweeper closed the thread");
        List<JsonObject> closeEvents = new ArrayList<>();
        for (StreamEventRecorded event : replay.sinceInStream(EventStreams.ofAgent(ann.uid()), 0).events()) {
            JsonObject data = Json.createReader(new StringReader(event.data())).readObject();
            if ("thread_status_changed".equals(event.type()) && "closed".equals(data.getString("action"))) {
                closeEvents.add(data);
            }
        }
        assertEquals(1, closeEvents.size(), "one close told to the agent: " + closeEvents);
        assertEquals("idle", closeEvents.get(0).getJsonObject("thread").getString("closeReason"));
        assertEquals(0, queries.agent(ann.uid()).activeThreads(), "the slot was freed once");
    }

    @Test
    void everyCloseSaysWhoClosedItAndAReopenForgetsIt() throws Exception {
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
        String credential = credentials.issue(ann.uid());
        JsonObject chat = startChat("Leaving");
        String byAgent = chat.getJsonObject("thread").getString("uid");
        assertTrue(object(http.get("api/v1/threads/" + byAgent, credential)).isNull("closeReason"), "open: no reason");

        HttpResponse<String> closed = http.send("POST", "api/v1/threads/" + byAgent + "/close", credential, null);
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("agent", object(closed).getString("closeReason"));
        HttpResponse<String> reopened = http.send("POST", "api/v1/threads/" + byAgent + "/reopen", credential, null);
        assertEquals(200, reopened.statusCode(), reopened.body());
        assertTrue(object(reopened).isNull("closeReason"), reopened.body());

        JsonObject other = startChat("Leaving too");
        String byVisitor = other.getJsonObject("thread").getString("uid");
        HttpResponse<String> left = http.send("POST", "api/v1/visitor/threads/" + byVisitor + "/close",
                other.getString("visitorToken"), null);
        assertEquals(200, left.statusCode(), left.body());
        assertEquals("visitor", object(left).getString("closeReason"));
        assertEquals("visitor", object(http.get("api/v1/threads/" + byVisitor, credential)).getString("closeReason"));
    }

    /** The next close of the thread on a console, skipping its other events (each frame waited for at most 10 s). */
    private static JsonObject nextClose(SocketProbe console, String thread) throws InterruptedException {
        while (true) {
            JsonObject data = console.nextOfType("thread_status_changed").getJsonObject("data");
            if (thread.equals(data.getJsonObject("thread").getString("uid"))
                    && "closed".equals(data.getString("action"))) {
                return data;
            }
        }
    }

    private JsonObject startChat(String nickname) throws Exception {
        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null, Json.createObjectBuilder()
                .add("workgroupUid", sales).add("nickname", nickname).build().toString());
        assertEquals(201, started.statusCode(), started.body());
        return object(started);
    }

    private static String message(String content) {
        return Json.createObjectBuilder().add("clientMessageId", "c-" + System.nanoTime()).add("content", content)
                .build().toString();
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private URI consoleSocket(String credential) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws?credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8));
    }

    private URI visitorSocket(String token, String thread) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "visitor/ws?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&thread=" + thread);
    }
}
