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
        return Deployments.microWar().addClass(SocketProbe.class);
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

    @Resource
    UserTransaction transaction;

    TestOrganisation org;
    String sales;
    AgentView ann;

    @BeforeEach
    void tenant() {
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
    void reconnectingWithLastSeqReplaysExactlyTheMissedEvents() throws Exception {
        String credential = credentials.issue(ann.uid());
        long seen;
        try (SocketProbe console = SocketProbe.connect(socket("?credential=" + encode(credential)))) {
            console.nextOfType("hello");
            statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
            seen = console.next().getJsonNumber("seq").longValue();
        }
        // Missed while disconnected: BUSY, then a queued-thread announcement (ann is BUSY), then AVAILABLE + assignment.
        statuses.change(ann.uid(), AgentStatus.BUSY, StatusCause.HOST);
        threads.open(sales, null, "While away", "?");
        statuses.change(ann.uid(), AgentStatus.AVAILABLE, StatusCause.HOST);

        try (SocketProbe resumed = SocketProbe.connect(socket("?credential=" + encode(credential) + "&lastSeq=" + seen))) {
            long expected = seen + 1;
            JsonObject frame = resumed.next();
            assertEquals("agent_status_changed", frame.getString("type"));
            assertEquals("BUSY", frame.getJsonObject("data").getString("status"));
            assertEquals(expected++, frame.getJsonNumber("seq").longValue());
            assertEquals("thread_status_changed", resumed.next().getString("type"));
            assertEquals("new_visitor_message", resumed.next().getString("type"));
            // ann turning AVAILABLE drains the queue to her.
            JsonObject available = resumed.next();
            assertEquals(expected + 2, available.getJsonNumber("seq").longValue());
            assertNotNull(available.getJsonObject("data"));

            statuses.change(ann.uid(), AgentStatus.BUSY, StatusCause.CONSOLE);
            JsonObject live = resumed.nextOfType("agent_status_changed");
            assertEquals("BUSY", live.getJsonObject("data").getString("status"));
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
