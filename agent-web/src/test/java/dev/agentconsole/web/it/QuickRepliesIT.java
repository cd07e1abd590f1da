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
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/v1/quick-replies through a real HTTP client: validation, roles, tenant isolation, optimistic locking. */
@ExtendWith(ArquillianExtension.class)
class QuickRepliesIT {

    private static final String PATH = "api/v1/quick-replies";

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(Http.class, Tokens.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin admin;

    Http http;
    TestOrganisation org;
    AgentView ann;
    AgentView bob;
    AgentView sue;

    @BeforeEach
    void setUp() {
        http = new Http(base);
        org = new TestOrganisation(admin);
        ann = org.agent("ann", 3);
        bob = org.agent("bob", 3);
        sue = org.agent("sue", 3);
    }

    @Test
    void anAgentKeepsPersonalRepliesAndEditsThemFromTheVersionItRead() throws Exception {
        String agent = login(ann);
        JsonObject created = created(http.send("POST", PATH, agent,
                "{\"shortcut\":\" Greet \",\"content\":\"Hello, how can I help you today?\"}"));
        assertEquals("greet", created.getString("shortcut"), "trimmed and lower case");
        assertEquals("PERSONAL", created.getString("scope"));
        assertEquals("Hello, how can I help you today?", created.getString("content"));
        assertTrue(created.getBoolean("editable"));
        long version = created.getJsonNumber("version").longValue();
        String uid = created.getString("uid");

        HttpResponse<String> edited = http.send("PUT", PATH + "/" + uid, agent,
                "{\"shortcut\":\"greet\",\"content\":\"Hi! What can I do for you?\",\"version\":" + version + "}");
        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject now = (JsonObject) Http.json(edited);
        assertEquals(version + 1, now.getJsonNumber("version").longValue());

        // An editor still holding the first version would overwrite that edit: refused, nothing changes.
        assertError(http.send("PUT", PATH + "/" + uid, agent,
                "{\"shortcut\":\"hello\",\"content\":\"Stale text\",\"version\":" + version + "}"), 409, "stale_version");
        JsonObject read = (JsonObject) Http.json(http.get(PATH + "/" + uid, agent));
        assertEquals("greet", read.getString("shortcut"));
        assertEquals("Hi! What can I do for you?", read.getString("content"));
        assertEquals(version + 1, read.getJsonNumber("version").longValue());

        assertEquals(List.of("greet"), shortcuts(list(agent)));
        HttpResponse<String> deleted = http.send("DELETE", PATH + "/" + uid, agent, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertError(http.get(PATH + "/" + uid, agent), 404, "quick_reply_not_found");
        assertEquals(List.of(), shortcuts(list(agent)));
    }

    @Test
    void invalidBodiesAre400AndStoreNothing() throws Exception {
        String agent = login(ann);
        String longShortcut = "x".repeat(33);
        String longContent = "y".repeat(4001);
        for (String body : List.of(
                "{\"content\":\"no shortcut\"}",
                "{\"shortcut\":\"two words\",\"content\":\"x\"}",
                "{\"shortcut\":\"/greet\",\"content\":\"x\"}",
                "{\"shortcut\":\"" + longShortcut + "\",\"content\":\"x\"}",
                "{\"shortcut\":\"\",\"content\":\"x\"}",
                "{\"shortcut\":\"a\",\"content\":\"   \"}",
                "{\"shortcut\":\"a\"}",
                "{\"shortcut\":\"a\",\"content\":\"" + longContent + "\"}",
                "{\"shortcut\":\"a\",\"content\":\"x\",\"scope\":\"TEAM\"}",
                "{\"shortcut\":\"a\",\"content\":[\"x\"]}",
                "{\"shortcut\":7,\"content\":\"x\"}",
                "{\"shortcut\":\"a\",\"content\":\"x\",\"title\":\"unknown member\"}")) {
            assertError(http.send("POST", PATH, agent, body), 400, "invalid_request");
        }
        assertError(http.send("POST", PATH, agent, "[]"), 400, "malformed_request");
        assertError(http.send("POST", PATH, agent, "{"), 400, "malformed_request");
        assertEquals(List.of(), shortcuts(list(agent)));

        String uid = created(http.send("POST", PATH, agent, "{\"shortcut\":\"a\",\"content\":\"x\"}")).getString("uid");
        for (String body : List.of(
                "{\"shortcut\":\"a\",\"content\":\"changed\"}",
                "{\"shortcut\":\"a\",\"content\":\"changed\",\"version\":-1}",
                "{\"shortcut\":\"a\",\"content\":\"changed\",\"version\":\"1\"}",
                "{\"shortcut\":\"a b\",\"content\":\"changed\",\"version\":1}",
                "{\"shortcut\":\"a\",\"content\":\"\",\"version\":1}")) {
            assertError(http.send("PUT", PATH + "/" + uid, agent, body), 400, "invalid_request");
        }
        assertEquals("x", ((JsonObject) Http.json(http.get(PATH + "/" + uid, agent))).getString("content"));
        assertError(http.get(PATH, null), 401, "unauthorized");
    }

    @Test
    void aShortcutIsUniqueInItsScopeWhateverItsCase() throws Exception {
        String agent = login(ann);
        String supervisor = supervisor(sue);
        created(http.send("POST", PATH, agent, "{\"shortcut\":\"thanks\",\"content\":\"Thank you!\"}"));
        assertError(http.send("POST", PATH, agent, "{\"shortcut\":\"Thanks\",\"content\":\"Again\"}"), 409,
                "shortcut_taken");
        // Other scopes have their own: the organisation's, and every other agent's.
        created(http.send("POST", PATH, supervisor,
                "{\"scope\":\"ORGANISATION\",\"shortcut\":\"thanks\",\"content\":\"Thanks from all of us\"}"));
        created(http.send("POST", PATH, login(bob), "{\"shortcut\":\"thanks\",\"content\":\"Cheers\"}"));
        // Renaming onto a taken shortcut is refused too.
        String other = created(http.send("POST", PATH, agent, "{\"shortcut\":\"bye\",\"content\":\"Bye\"}"))
                .getString("uid");
        assertError(http.send("PUT", PATH + "/" + other, agent,
                "{\"shortcut\":\"THANKS\",\"content\":\"Bye\",\"version\":1}"), 409, "shortcut_taken");

        JsonArray mine = list(agent);
        assertEquals(List.of("bye", "thanks", "thanks"), shortcuts(mine));
        // By shortcut, the organisation's first where both have one; Bob's own is not among them.
        assertEquals(List.of("PERSONAL", "ORGANISATION", "PERSONAL"), scopes(mine));
    }

    @Test
    void racingCreatesOfOneShortcutStoreOneAndTellTheOtherItIsTaken() throws Exception {
        String agent = login(ann);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String body = "{\"shortcut\":\"race\",\"content\":\"Attempt " + i + "\"}";
                posts.add(clients.submit(() -> {
                    gate.await();
                    return http.send("POST", PATH, agent, body);
                }));
            }
            gate.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> post : posts) {
                answers.add(post.get(60, TimeUnit.SECONDS));
            }
            assertEquals(List.of(201, 409, 409), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                    answers.stream().map(HttpResponse::body).toList().toString());
            answers.stream().filter(answer -> answer.statusCode() == 409)
                    .forEach(answer -> assertError(answer, 409, "shortcut_taken"));
        } finally {
            clients.shutdownNow();
        }
        assertEquals(List.of("race"), shortcuts(list(agent)));
    }

    @Test
    void theOrganisationsRepliesAreSharedButKeptBySupervisors() throws Exception {
        String agent = login(ann);
        String supervisor = supervisor(sue);
        assertError(http.send("POST", PATH, agent,
                "{\"scope\":\"ORGANISATION\",\"shortcut\":\"hours\",\"content\":\"We are open 9-17\"}"), 403, "forbidden");
        assertEquals(List.of(), shortcuts(list(supervisor)));

        JsonObject shared = created(http.send("POST", PATH, supervisor,
                "{\"scope\":\"ORGANISATION\",\"shortcut\":\"hours\",\"content\":\"We are open 9-17\"}"));
        String uid = shared.getString("uid");
        JsonObject seenByAnn = list(agent).getJsonObject(0);
        assertEquals(uid, seenByAnn.getString("uid"));
        assertEquals("ORGANISATION", seenByAnn.getString("scope"));
        assertFalse(seenByAnn.getBoolean("editable"));
        assertTrue(list(supervisor).getJsonObject(0).getBoolean("editable"));
        assertFalse(((JsonObject) Http.json(http.get(PATH, agent))).getBoolean("mayManageOrganisation"));
        assertTrue(((JsonObject) Http.json(http.get(PATH, supervisor))).getBoolean("mayManageOrganisation"));

        assertError(http.send("PUT", PATH + "/" + uid, agent,
                "{\"shortcut\":\"hours\",\"content\":\"Always open\",\"version\":1}"), 403, "forbidden");
        assertError(http.send("DELETE", PATH + "/" + uid, agent, null), 403, "forbidden");
        assertEquals("We are open 9-17", ((JsonObject) Http.json(http.get(PATH + "/" + uid, agent)))
                .getString("content"));

        HttpResponse<String> edited = http.send("PUT", PATH + "/" + uid, supervisor,
                "{\"shortcut\":\"hours\",\"content\":\"We are open 8-18\",\"version\":1}");
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals("We are open 8-18", ((JsonObject) Http.json(http.get(PATH + "/" + uid, agent)))
                .getString("content"));

        // An administrator keeps them too.
        AgentView ada = org.agent("ada", 3);
        String administrator = loginWith(Tokens.withClaim(ada.username(), org.uid, "roles", List.of("admin")));
        assertTrue(list(administrator).getJsonObject(0).getBoolean("editable"));
        HttpResponse<String> byAdmin = http.send("PUT", PATH + "/" + uid, administrator,
                "{\"shortcut\":\"hours\",\"content\":\"We are open 8-20\",\"version\":2}");
        assertEquals(200, byAdmin.statusCode(), byAdmin.body());

        // The role is the last login's: taken away, the organisation's replies are read-only again.
        String demoted = loginWith(Tokens.withClaim(sue.username(), org.uid, "roles", List.of("agent")));
        assertError(http.send("DELETE", PATH + "/" + uid, demoted, null), 403, "forbidden");
        assertFalse(list(demoted).getJsonObject(0).getBoolean("editable"));
        supervisor = supervisor(sue);
        assertEquals(204, http.send("DELETE", PATH + "/" + uid, supervisor, null).statusCode());
        assertEquals(List.of(), shortcuts(list(agent)));
    }

    @Test
    void anotherAgentsPersonalRepliesAndAnotherOrganisationsDoNotExist() throws Exception {
        String annCredential = login(ann);
        String uid = created(http.send("POST", PATH, annCredential, "{\"shortcut\":\"mine\",\"content\":\"Ann's\"}"))
                .getString("uid");
        String shared = created(http.send("POST", PATH, supervisor(sue),
                "{\"scope\":\"ORGANISATION\",\"shortcut\":\"ours\",\"content\":\"Everyone's\"}")).getString("uid");

        String bobCredential = login(bob);
        assertEquals(List.of("ours"), shortcuts(list(bobCredential)));
        assertError(http.get(PATH + "/" + uid, bobCredential), 404, "quick_reply_not_found");
        assertError(http.send("PUT", PATH + "/" + uid, bobCredential,
                "{\"shortcut\":\"mine\",\"content\":\"Bob's now\",\"version\":1}"), 404, "quick_reply_not_found");
        assertError(http.send("DELETE", PATH + "/" + uid, bobCredential, null), 404, "quick_reply_not_found");

        // Another organisation's agents, supervisors included, see none of it.
        TestOrganisation other = new TestOrganisation(admin);
        AgentView eve = other.agent("eve", 3);
        String foreign = loginWith(Tokens.withClaim(eve.username(), other.uid, "roles", List.of("supervisor")));
        assertEquals(List.of(), shortcuts(list(foreign)));
        for (String target : List.of(uid, shared)) {
            assertError(http.get(PATH + "/" + target, foreign), 404, "quick_reply_not_found");
            assertError(http.send("PUT", PATH + "/" + target, foreign,
                    "{\"shortcut\":\"x\",\"content\":\"taken over\",\"version\":1}"), 404, "quick_reply_not_found");
            assertError(http.send("DELETE", PATH + "/" + target, foreign, null), 404, "quick_reply_not_found");
        }
        assertError(http.get(PATH + "/no-such-reply", annCredential), 404, "quick_reply_not_found");
        assertEquals("Ann's", ((JsonObject) Http.json(http.get(PATH + "/" + uid, annCredential))).getString("content"));
        assertEquals(List.of("mine", "ours"), shortcuts(list(annCredential)));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private JsonArray list(String credential) throws Exception {
        HttpResponse<String> answer = http.get(PATH, credential);
        assertEquals(200, answer.statusCode(), answer.body());
        return ((JsonObject) Http.json(answer)).getJsonArray("quickReplies");
    }

    private static List<String> shortcuts(JsonArray replies) {
        return replies.getValuesAs(JsonObject.class).stream().map(reply -> reply.getString("shortcut")).toList();
    }

    private static List<String> scopes(JsonArray replies) {
        return replies.getValuesAs(JsonObject.class).stream().map(reply -> reply.getString("scope")).toList();
    }

    private static JsonObject created(HttpResponse<String> answer) {
        assertEquals(201, answer.statusCode(), answer.body());
        return (JsonObject) Http.json(answer);
    }

    private String login(AgentView agent) throws Exception {
        return loginWith(Tokens.valid(agent.username(), org.uid));
    }

    private String supervisor(AgentView agent) throws Exception {
        return loginWith(Tokens.withClaim(agent.username(), org.uid, "roles", List.of("agent", "supervisor")));
    }

    private String loginWith(String token) throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken=" + token, null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new java.io.StringReader(response.body())).readObject();
        assertEquals(code, body.getString("error"), response.body());
        assertTrue(body.containsKey("message"));
    }
}
