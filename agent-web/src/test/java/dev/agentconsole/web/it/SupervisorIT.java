package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The supervisor board (snapshot and live frames) and a supervisor's two moves, over real HTTP and WebSocket. */
@ExtendWith(ArquillianExtension.class)
class SupervisorIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(Http.class, Tokens.class, SocketProbe.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin admin;

    Http http;
    TestOrganisation org;
    String sales;
    String support;
    AgentView ann;
    AgentView ben;
    AgentView sue;
    String annCredential;
    String supervisor;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(base);
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        support = org.workgroup("support");
        ann = org.agent("ann", 1, sales);
        ben = org.agent("ben", 2, support);
        sue = org.agent("sue", 3);
        annCredential = login(Tokens.valid(ann.username(), org.uid));
        supervisor = login(Tokens.withClaim(sue.username(), org.uid, "roles", List.of("agent", "supervisor")));
    }

    @Test
    void theBoardShowsAgentsQueuesAndTheOldestQueuedThreads() throws Exception {
        String thread = startChat(sales, "Vera");
        setStatus(annCredential, "BUSY");

        JsonObject board = board(supervisor);
        JsonObject annRow = row(board.getJsonArray("agents"), ann.uid());
        assertEquals("BUSY", annRow.getString("status"));
        assertTrue(annRow.getJsonNumber("statusSince").longValue() > 0);
        assertEquals(0, annRow.getInt("activeThreads"));
        assertEquals(1, annRow.getInt("maxThreads"));
        assertEquals(List.of(sales), annRow.getJsonArray("workgroups").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("OFFLINE", row(board.getJsonArray("agents"), ben.uid()).getString("status"));
        JsonObject salesRow = row(board.getJsonArray("workgroups"), sales);
        assertEquals(1, salesRow.getInt("queued"));
        assertTrue(salesRow.getJsonNumber("oldestQueuedAt").longValue() <= board.getJsonNumber("at").longValue());
        assertEquals(0, row(board.getJsonArray("workgroups"), support).getInt("queued"));
        assertEquals(JsonValue.NULL, row(board.getJsonArray("workgroups"), support).get("oldestQueuedAt"));
        JsonObject queued = row(board.getJsonArray("queued"), thread);
        assertEquals("Vera", queued.getString("visitor"));
        assertEquals(sales, queued.getString("workgroupUid"));
        assertEquals(0, board.getJsonObject("firstResponse").getInt("count"));

        JsonObject me = (JsonObject) Http.json(http.get("api/v1/me", supervisor));
        assertTrue(me.getBoolean("supervisor"));
        assertFalse(((JsonObject) Http.json(http.get("api/v1/me", annCredential))).getBoolean("supervisor"));
    }

    @Test
    void onlySupervisorsSeeTheBoardOrMoveThreadsAndARefusalChangesNothing() throws Exception {
        String thread = startChat(sales, "Vera");
        assertError(http.get("api/v1/supervisor/board", annCredential), 403, "not_supervisor");
        assertError(assign(annCredential, thread, ann.uid()), 403, "not_supervisor");
        assertError(move(annCredential, thread, support), 403, "not_supervisor");
        assertError(http.get("api/v1/supervisor/board", null), 401, "unauthorized");

        // A supervisor of another organisation: this one's records do not exist for it.
        TestOrganisation other = new TestOrganisation(admin);
        AgentView eve = other.agent("eve", 3, other.workgroup("x"));
        String foreign = login(Tokens.withClaim(eve.username(), other.uid, "roles", List.of("supervisor")));
        assertError(assign(foreign, thread, eve.uid()), 404, "thread_not_found");
        assertError(move(foreign, thread, support), 404, "thread_not_found");
        assertFalse(board(foreign).getJsonArray("agents").toString().contains(ann.uid()));
        // ... nor another organisation's agent or workgroup for this one's supervisor.
        assertError(assign(supervisor, thread, eve.uid()), 404, "agent_not_found");
        assertError(move(supervisor, thread, other.workgroup("y")), 404, "workgroup_not_found");
        assertError(http.send("POST", "api/v1/supervisor/threads/" + thread + "/assign", supervisor, "{}"), 400,
                "invalid_request");

        JsonObject queued = row(board(supervisor).getJsonArray("queued"), thread);
        assertEquals(sales, queued.getString("workgroupUid"), "still waiting where it was");
        assertEquals(1, row(board(supervisor).getJsonArray("workgroups"), sales).getInt("queued"));
    }

    @Test
    void aSupervisorAssignsAQueuedThreadToAnAgentWithRoomWhoIsOnline() throws Exception {
        String first = startChat(sales, "Vera");
        String second = startChat(sales, "Walt");
        assertError(assign(supervisor, first, ann.uid()), 409, "agent_offline");

        setStatus(annCredential, "BUSY");
        try (SocketProbe annSocket = SocketProbe.connect(socket(annCredential, false))) {
            annSocket.nextOfType("hello");
            HttpResponse<String> assigned = assign(supervisor, first, ann.uid());
            assertEquals(200, assigned.statusCode(), assigned.body());
            JsonObject thread = (JsonObject) Http.json(assigned);
            assertEquals("ASSIGNED", thread.getString("status"));
            assertEquals(ann.uid(), thread.getString("agentUid"));
            // Ann's console hears of it like of any routed thread.
            assertEquals(first, annSocket.nextOfType("new_visitor_message").getJsonObject("data")
                    .getJsonObject("thread").getString("uid"));
        }
        // Ann holds one of one: full.
        assertError(assign(supervisor, second, ann.uid()), 409, "agent_full");
        // Not queued any more.
        assertError(assign(supervisor, first, ben.uid()), 409, "thread_not_queued");

        JsonObject board = board(supervisor);
        assertEquals(1, row(board.getJsonArray("agents"), ann.uid()).getInt("activeThreads"));
        assertEquals(1, row(board.getJsonArray("workgroups"), sales).getInt("queued"));
        assertTrue(find(board.getJsonArray("queued"), first).isEmpty());
    }

    @Test
    void aSupervisorMovesAQueuedThreadToAnotherWorkgroupWhereItIsRoutedAgain() throws Exception {
        String thread = startChat(sales, "Vera");
        assertError(move(supervisor, thread, sales), 409, "same_workgroup");

        HttpResponse<String> moved = move(supervisor, thread, support);
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("QUEUED", ((JsonObject) Http.json(moved)).getString("status"), "nobody in support is available");
        JsonObject board = board(supervisor);
        assertEquals(0, row(board.getJsonArray("workgroups"), sales).getInt("queued"));
        assertEquals(1, row(board.getJsonArray("workgroups"), support).getInt("queued"));
        assertEquals(support, row(board.getJsonArray("queued"), thread).getString("workgroupUid"));

        // Once someone in support is available, the router hands it over as usual.
        String benCredential = login(Tokens.valid(ben.username(), org.uid));
        setStatus(benCredential, "AVAILABLE");
        JsonArray mine = (JsonArray) Http.json(http.get("api/v1/threads?view=mine", benCredential));
        assertEquals(thread, mine.getJsonObject(0).getString("uid"));
    }

    @Test
    void todaysFirstResponseAndHandleTimesCountPerWorkgroupAndAgent() throws Exception {
        setStatus(annCredential, "AVAILABLE");
        String thread = startChat(sales, "Vera");
        assertEquals(201, http.send("POST", "api/v1/threads/" + thread + "/messages", annCredential,
                "{\"clientMessageId\":\"r-1\",\"content\":\"Hello Vera\"}").statusCode());
        assertEquals(201, http.send("POST", "api/v1/threads/" + thread + "/messages", annCredential,
                "{\"clientMessageId\":\"r-2\",\"content\":\"Anything else?\"}").statusCode());
        assertEquals(200, http.send("POST", "api/v1/threads/" + thread + "/close", annCredential, null).statusCode());

        JsonObject board = board(supervisor);
        JsonObject salesRow = row(board.getJsonArray("workgroups"), sales);
        JsonObject annRow = row(board.getJsonArray("agents"), ann.uid());
        for (JsonObject figures : List.of(salesRow.getJsonObject("firstResponse"), annRow.getJsonObject("firstResponse"),
                salesRow.getJsonObject("handle"), annRow.getJsonObject("handle"))) {
            assertEquals(1, figures.getInt("count"), figures.toString());
            assertTrue(figures.getJsonNumber("p50").longValue() >= 0);
            assertEquals(figures.getJsonNumber("p50").longValue(), figures.getJsonNumber("p90").longValue());
        }
        assertEquals(0, row(board.getJsonArray("workgroups"), support).getJsonObject("handle").getInt("count"));
        assertEquals(0, row(board.getJsonArray("agents"), ben.uid()).getJsonObject("firstResponse").getInt("count"));
    }

    @Test
    void theBoardFollowsOnTheSupervisorsSocketAsAgentsAndQueuesChange() throws Exception {
        try (SocketProbe watching = SocketProbe.connect(socket(supervisor, true));
                SocketProbe notSupervisor = SocketProbe.connect(socket(annCredential, true))) {
            JsonObject first = watching.nextOfType("board").getJsonObject("data");
            assertEquals("OFFLINE", row(first.getJsonArray("agents"), ann.uid()).getString("status"));

            setStatus(annCredential, "BUSY");
            awaitBoard(watching, board -> "BUSY".equals(row(board.getJsonArray("agents"), ann.uid())
                    .getString("status")));
            String thread = startChat(sales, "Vera");
            JsonObject queued = awaitBoard(watching, board -> find(board.getJsonArray("queued"), thread).isPresent());
            assertEquals(1, row(queued.getJsonArray("workgroups"), sales).getInt("queued"));

            // Ann's socket asked for the board too but is not a supervisor's: it gets its events and no board.
            JsonObject frame;
            do {
                frame = notSupervisor.next();
                assertFalse("board".equals(frame.getString("type")), frame.toString());
            } while (!"new_visitor_message".equals(frame.getString("type")));
        }
    }

    private JsonObject awaitBoard(SocketProbe probe, Predicate<JsonObject> shows) throws Exception {
        while (true) {
            JsonObject board = probe.nextOfType("board").getJsonObject("data");
            if (shows.test(board)) {
                return board;
            }
        }
    }

    private JsonObject board(String credential) throws Exception {
        HttpResponse<String> answer = http.get("api/v1/supervisor/board", credential);
        assertEquals(200, answer.statusCode(), answer.body());
        return (JsonObject) Http.json(answer);
    }

    private HttpResponse<String> assign(String credential, String thread, String agentUid) throws Exception {
        return http.send("POST", "api/v1/supervisor/threads/" + thread + "/assign", credential,
                "{\"agentUid\":\"" + agentUid + "\"}");
    }

    private HttpResponse<String> move(String credential, String thread, String workgroupUid) throws Exception {
        return http.send("POST", "api/v1/supervisor/threads/" + thread + "/move", credential,
                "{\"workgroupUid\":\"" + workgroupUid + "\"}");
    }

    private void setStatus(String credential, String status) throws Exception {
        assertEquals(200, http.send("PUT", "api/v1/me/status", credential, "{\"status\":\"" + status + "\"}")
                .statusCode());
    }

    private String startChat(String workgroup, String nickname) throws Exception {
        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null,
                "{\"workgroupUid\":\"" + workgroup + "\",\"nickname\":\"" + nickname + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        return ((JsonObject) Http.json(started)).getJsonObject("thread").getString("uid");
    }

    private String login(String token) throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken=" + token, null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private URI socket(String credential, boolean board) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws?credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8) + (board ? "&board=1" : ""));
    }

    private static Optional<JsonObject> find(JsonArray rows, String uid) {
        return rows.getValuesAs(JsonObject.class).stream().filter(row -> uid.equals(row.getString("uid"))).findFirst();
    }

    private static JsonObject row(JsonArray rows, String uid) {
        return find(rows, uid).orElseThrow(() -> new AssertionError(uid + " not in " + rows));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new java.io.StringReader(response.body())).readObject();
        assertEquals(code, body.getString("error"), response.body());
        assertTrue(body.containsKey("message"));
    }
}
