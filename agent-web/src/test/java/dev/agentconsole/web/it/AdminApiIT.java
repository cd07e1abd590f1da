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
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administration API through a real HTTP client: an agent whose login token carries the admin role manages its
 * own organisation's workgroups and agents, and nothing else.
 */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(Http.class, Tokens.class, SocketProbe.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin organisations;

    Http http;
    TestOrganisation org;
    String sales;
    AgentView boss;
    AgentView ann;
    String admin;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(base);
        org = new TestOrganisation(organisations);
        sales = org.workgroup("sales");
        boss = org.agent("boss", 3);
        ann = org.agent("ann", 2, sales);
        admin = login(boss, List.of("admin"));
    }

    @Test
    void anAdministratorCreatesAndChangesWorkgroupsAndAgentsAndEveryChangeIsAudited() throws Exception {
        HttpResponse<String> created = http.send("POST", "api/v1/admin/workgroups", admin,
                "{\"name\":\"Billing\",\"queueCap\":7}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject billing = object(created);
        assertEquals("Billing", billing.getString("name"));
        assertEquals(7, billing.getInt("queueCap"));
        String billingUid = billing.getString("uid");

        JsonObject renamed = object(http.send("PATCH", "api/v1/admin/workgroups/" + billingUid, admin,
                "{\"name\":\"Invoices\",\"queueCap\":null}"));
        assertEquals("Invoices", renamed.getString("name"));
        assertTrue(renamed.isNull("queueCap"), "null goes back to the deployment's default");
        JsonObject unchanged = object(http.send("PATCH", "api/v1/admin/workgroups/" + billingUid, admin,
                "{\"queueCap\":3}"));
        assertEquals("Invoices", unchanged.getString("name"), "a member not sent stays");

        HttpResponse<String> agent = http.send("POST", "api/v1/admin/agents", admin,
                "{\"username\":\"dora@example.com\",\"maxThreads\":4,\"roles\":[\"SUPERVISOR\"],\"workgroups\":[\""
                        + billingUid + "\",\"" + sales + "\"]}");
        assertEquals(201, agent.statusCode(), agent.body());
        JsonObject dora = object(agent);
        assertEquals("dora", dora.getString("nickname"));
        assertEquals(4, dora.getInt("maxThreads"));
        assertEquals(List.of("SUPERVISOR"), strings(dora.getJsonArray("roles")));
        assertEquals(List.of("Invoices", "sales"), names(dora.getJsonArray("workgroups")));
        assertFalse(dora.getBoolean("disabled"));

        JsonObject changed = object(http.send("PATCH", "api/v1/admin/agents/" + dora.getString("uid"), admin,
                "{\"nickname\":\"Dora\",\"maxThreads\":6,\"roles\":[],\"workgroups\":[\"" + sales + "\"]}"));
        assertEquals("Dora", changed.getString("nickname"));
        assertEquals(6, changed.getInt("maxThreads"));
        assertEquals(List.of(), strings(changed.getJsonArray("roles")));
        assertEquals(List.of("sales"), names(changed.getJsonArray("workgroups")));
        assertEquals(changed, object(http.get("api/v1/admin/agents/" + dora.getString("uid"), admin)));

        assertEquals(List.of("Invoices", "sales"), names(array(http.get("api/v1/admin/workgroups", admin))));
        assertEquals(List.of("ann", "boss", "Dora"), array(http.get("api/v1/admin/agents", admin)).stream()
                .map(a -> a.asJsonObject().getString("nickname")).sorted(String.CASE_INSENSITIVE_ORDER).toList());

        JsonArray audit = array(http.get("api/v1/admin/audit?limit=10", admin));
        assertEquals(List.of("agent_changed", "agent_created", "workgroup_changed", "workgroup_changed",
                "workgroup_created"), audit.stream().map(e -> e.asJsonObject().getString("action")).toList());
        JsonObject newest = audit.getJsonObject(0);
        assertEquals(boss.uid(), newest.getString("actorUid"));
        assertEquals(dora.getString("uid"), newest.getString("targetUid"));
        assertEquals("Dora", newest.getJsonObject("detail").getString("nickname"));
        assertEquals(2, array(http.get("api/v1/admin/audit?limit=2", admin)).size());
    }

    @Test
    void duplicatesAre409AndChangeNothing() throws Exception {
        assertError(http.send("POST", "api/v1/admin/workgroups", admin, "{\"name\":\"sales\"}"), 409,
                "workgroup_exists");
        String other = object(http.send("POST", "api/v1/admin/workgroups", admin, "{\"name\":\"Other\"}"))
                .getString("uid");
        assertError(http.send("PATCH", "api/v1/admin/workgroups/" + other, admin, "{\"name\":\"sales\"}"), 409,
                "workgroup_exists");
        assertError(http.send("POST", "api/v1/admin/agents", admin,
                "{\"username\":\"" + ann.username() + "\"}"), 409, "agent_exists");

        assertEquals(List.of("Other", "sales"), names(array(http.get("api/v1/admin/workgroups", admin))));
        assertEquals(2, array(http.get("api/v1/admin/agents", admin)).size());
        assertEquals(List.of("workgroup_created"), array(http.get("api/v1/admin/audit", admin)).stream()
                .map(e -> e.asJsonObject().getString("action")).toList(), "only the one change that was made");
    }

    @Test
    void aWorkgroupsRoutingModeAndIdleTimeAreSetAndGoBackToTheDefault() throws Exception {
        JsonObject created = object(http.send("POST", "api/v1/admin/workgroups", admin,
                "{\"name\":\"Nights\",\"routingMode\":\"ROUND_ROBIN\",\"idleCloseMinutes\":10}"));
        assertEquals("ROUND_ROBIN", created.getString("routingMode"));
        assertEquals(10, created.getInt("idleCloseMinutes"));
        String nights = created.getString("uid");

        JsonObject changed = object(http.send("PATCH", "api/v1/admin/workgroups/" + nights, admin,
                "{\"routingMode\":\"LONGEST_IDLE\"}"));
        assertEquals("LONGEST_IDLE", changed.getString("routingMode"));
        assertEquals(10, changed.getInt("idleCloseMinutes"), "a member not sent stays as it is");
        changed = object(http.send("PATCH", "api/v1/admin/workgroups/" + nights, admin,
                "{\"idleCloseMinutes\":null}"));
        assertTrue(changed.isNull("idleCloseMinutes"), "null goes back to the deployment's default");
        assertEquals("LONGEST_IDLE", changed.getString("routingMode"));

        JsonObject listed = array(http.get("api/v1/admin/workgroups", admin)).stream().map(JsonValue::asJsonObject)
                .filter(w -> w.getString("uid").equals(nights)).findFirst().orElseThrow();
        assertEquals("LONGEST_IDLE", listed.getString("routingMode"));
        JsonObject plain = object(http.send("POST", "api/v1/admin/workgroups", admin, "{\"name\":\"Days\"}"));
        assertEquals("LEAST_ACTIVE", plain.getString("routingMode"));
        assertTrue(plain.isNull("idleCloseMinutes"));
    }

    @Test
    void badInputIs400AndChangesNothing() throws Exception {
        for (String body : List.of("{\"name\":\"  \"}", "{\"name\":\"\"}", "{}", "{\"name\":\"x\",\"queueCap\":-1}",
                "{\"name\":\"x\",\"queueCap\":\"5\"}", "{\"name\":\"x\",\"colour\":\"red\"}",
                "{\"name\":\"" + "x".repeat(201) + "\"}", "{\"name\":\"a\\u0007b\"}",
                "{\"name\":\"x\",\"routingMode\":\"FASTEST\"}", "{\"name\":\"x\",\"idleCloseMinutes\":0}",
                "{\"name\":\"x\",\"idleCloseMinutes\":10081}", "{\"name\":\"x\",\"idleCloseMinutes\":\"5\"}")) {
            assertError(http.send("POST", "api/v1/admin/workgroups", admin, body), 400, "invalid_request");
        }
        assertError(http.send("POST", "api/v1/admin/workgroups", admin, "[]"), 400, "malformed_request");
        for (String body : List.of("{}", "{\"username\":\"two words\"}", "{\"username\":\"z\",\"maxThreads\":0}",
                "{\"username\":\"z\",\"maxThreads\":101}", "{\"username\":\"z\",\"roles\":[\"KING\"]}",
                "{\"username\":\"z\",\"roles\":\"ADMIN\"}", "{\"username\":\"z\",\"workgroups\":[7]}",
                "{\"username\":\"z\",\"workgroups\":[\"\"]}")) {
            assertError(http.send("POST", "api/v1/admin/agents", admin, body), 400, "invalid_request");
        }
        assertError(http.send("PATCH", "api/v1/admin/agents/" + ann.uid(), admin, "{\"maxThreads\":0}"), 400,
                "invalid_request");
        HttpResponse<String> role = http.send("POST", "api/v1/admin/agents", admin,
                "{\"username\":\"z\",\"roles\":[\"ADMIN\",\"KING\"]}");
        assertError(role, 400, "invalid_request");
        assertTrue(role.body().contains("roles[1] must be SUPERVISOR or ADMIN"), role.body());
        assertError(http.get("api/v1/admin/audit?limit=0", admin), 400, "invalid_request");

        assertError(http.send("PATCH", "api/v1/admin/workgroups/" + sales, admin, "{\"routingMode\":\"NEXT\"}"), 400,
                "invalid_request");
        assertError(http.send("PATCH", "api/v1/admin/workgroups/" + sales, admin, "{\"idleCloseMinutes\":-5}"), 400,
                "invalid_request");

        assertEquals(List.of("sales"), names(array(http.get("api/v1/admin/workgroups", admin))));
        assertEquals(2, object(http.get("api/v1/admin/agents/" + ann.uid(), admin)).getInt("maxThreads"));
        assertEquals(0, array(http.get("api/v1/admin/audit", admin)).size());
    }

    @Test
    void namesWithControlCharactersAre400NamingTheMember() throws Exception {
        int agentsBefore = array(http.get("api/v1/admin/agents", admin)).size();
        String annsNickname = object(http.get("api/v1/admin/agents/" + ann.uid(), admin)).getString("nickname");
        // C0, DEL, C1 and the line separators (JSON escapes, so the body itself is clean).
        List<String> controls = List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u009b",
                "\\u2028", "\\u2029");
        for (String c : controls) {
            // Before: 201, with the control character in the user name and in the nickname derived from it.
            assertInvalid(http.send("POST", "api/v1/admin/agents", admin, "{\"username\":\"z" + c + "@x\"}"),
                    "username");
            assertInvalid(http.send("POST", "api/v1/admin/agents", admin,
                    "{\"username\":\"zed@x\",\"nickname\":\"Z" + c + "\"}"), "nickname");
            assertInvalid(http.send("PATCH", "api/v1/admin/agents/" + ann.uid(), admin,
                    "{\"nickname\":\"Ann" + c + "\"}"), "nickname");
            assertInvalid(http.send("POST", "api/v1/admin/workgroups", admin, "{\"name\":\"x" + c + "\"}"), "name");
            assertInvalid(http.send("PATCH", "api/v1/admin/workgroups/" + sales, admin,
                    "{\"name\":\"x" + c + "\"}"), "name");
        }
        // Only spaces of other kinds (no-break, ideographic) are blank too.
        assertInvalid(http.send("POST", "api/v1/admin/workgroups", admin, "{\"name\":\"\\u3000\"}"), "name");
        assertInvalid(http.send("POST", "api/v1/admin/agents", admin, "{\"username\":\"a\\u00a0b\"}"), "username");

        assertEquals(agentsBefore, array(http.get("api/v1/admin/agents", admin)).size());
        assertEquals(annsNickname, object(http.get("api/v1/admin/agents/" + ann.uid(), admin)).getString("nickname"));
        assertEquals(List.of("sales"), names(array(http.get("api/v1/admin/workgroups", admin))));
        assertEquals(0, array(http.get("api/v1/admin/audit", admin)).size());

        // Other Unicode is a name like any other.
        JsonObject zoe = object(http.send("POST", "api/v1/admin/agents", admin, "{\"username\":\"zoë@x\"}"));
        assertEquals("zoë", zoe.getString("nickname"));
    }

    @Test
    void withoutTheAdminRoleEveryCallIs403AndChangesNothing() throws Exception {
        String supervisor = login(ann, List.of("supervisor"));
        AgentView former = org.agent("former", 1);
        String disabledAdmin = login(former, List.of("admin"));
        assertEquals(200, http.get("api/v1/admin/workgroups", disabledAdmin).statusCode());
        assertEquals(200, http.send("POST", "api/v1/admin/agents/" + former.uid() + "/disable", admin, null)
                .statusCode());
        for (String caller : List.of(supervisor, disabledAdmin)) {
            assertError(http.get("api/v1/admin/workgroups", caller), 403, "forbidden");
            assertError(http.get("api/v1/admin/agents", caller), 403, "forbidden");
            assertError(http.get("api/v1/admin/agents/" + ann.uid(), caller), 403, "forbidden");
            assertError(http.get("api/v1/admin/audit", caller), 403, "forbidden");
            assertError(http.send("POST", "api/v1/admin/workgroups", caller, "{\"name\":\"Mine\"}"), 403, "forbidden");
            assertError(http.send("PATCH", "api/v1/admin/workgroups/" + sales, caller, "{\"name\":\"Mine\"}"), 403,
                    "forbidden");
            assertError(http.send("POST", "api/v1/admin/agents", caller, "{\"username\":\"mine\"}"), 403,
                    "forbidden");
            assertError(http.send("PATCH", "api/v1/admin/agents/" + ann.uid(), caller, "{\"roles\":[\"ADMIN\"]}"),
                    403, "forbidden");
            assertError(http.send("POST", "api/v1/admin/agents/" + boss.uid() + "/disable", caller, null), 403,
                    "forbidden");
        }
        assertError(http.get("api/v1/admin/workgroups", null), 401, "unauthorized");

        assertEquals(List.of("sales"), names(array(http.get("api/v1/admin/workgroups", admin))));
        assertEquals(List.of(), strings(object(http.get("api/v1/admin/agents/" + ann.uid(), admin))
                .getJsonArray("roles")).stream().filter("ADMIN"::equals).toList());
    }

    @Test
    void anotherOrganisationsWorkgroupsAndAgentsAre404() throws Exception {
        TestOrganisation other = new TestOrganisation(organisations);
        String theirs = other.workgroup("theirs");
        AgentView stranger = other.agent("stranger", 2, theirs);

        assertError(http.send("PATCH", "api/v1/admin/workgroups/" + theirs, admin, "{\"name\":\"Ours\"}"), 404,
                "workgroup_not_found");
        assertError(http.get("api/v1/admin/agents/" + stranger.uid(), admin), 404, "agent_not_found");
        assertError(http.send("PATCH", "api/v1/admin/agents/" + stranger.uid(), admin, "{\"maxThreads\":9}"), 404,
                "agent_not_found");
        assertError(http.send("POST", "api/v1/admin/agents/" + stranger.uid() + "/disable", admin, null), 404,
                "agent_not_found");
        assertError(http.send("POST", "api/v1/admin/agents", admin,
                "{\"username\":\"new@example.com\",\"workgroups\":[\"" + theirs + "\"]}"), 404, "workgroup_not_found");
        assertError(http.send("PATCH", "api/v1/admin/agents/" + ann.uid(), admin,
                "{\"workgroups\":[\"" + theirs + "\"]}"), 404, "workgroup_not_found");

        assertEquals(List.of("sales"), names(array(http.get("api/v1/admin/workgroups", admin))));
        assertEquals(List.of("ann", "boss"), array(http.get("api/v1/admin/agents", admin)).stream()
                .map(a -> a.asJsonObject().getString("nickname")).toList());
        assertEquals(List.of("sales"), names(object(http.get("api/v1/admin/agents/" + ann.uid(), admin))
                .getJsonArray("workgroups")));
        String strangerAdmin = login(stranger, other.uid, List.of("admin"));
        assertEquals(2, object(http.get("api/v1/admin/agents/" + stranger.uid(), strangerAdmin)).getInt("maxThreads"));
        assertEquals(List.of("theirs"), names(array(http.get("api/v1/admin/workgroups", strangerAdmin))));
    }

    @Test
    void anAdministratorCannotDisableOrDemoteItself() throws Exception {
        assertError(http.send("POST", "api/v1/admin/agents/" + boss.uid() + "/disable", admin, null), 409,
                "cannot_disable_self");
        assertError(http.send("PATCH", "api/v1/admin/agents/" + boss.uid(), admin, "{\"roles\":[]}"), 409,
                "cannot_demote_self");
        assertEquals(200, http.get("api/v1/admin/workgroups", admin).statusCode());
    }

    @Test
    void aDisabledAgentLosesItsThreadsAndConsolesAndCannotLogInOrBeRouted() throws Exception {
        AgentView ben = org.agent("ben", 2, sales);
        String annConsole = login(ann, List.of());
        available(annConsole);
        String chatting = startChat("Vera");
        String offered = startChat("Walt");
        assertEquals(200, http.send("POST", "api/v1/threads/" + chatting + "/accept", annConsole, null).statusCode());
        assertEquals(List.of(chatting, offered).stream().sorted().toList(), mine(annConsole));

        try (SocketProbe socket = SocketProbe.connect(socket(annConsole))) {
            socket.nextOfType("hello");
            JsonObject disabled = object(http.send("POST", "api/v1/admin/agents/" + ann.uid() + "/disable", admin,
                    null));
            assertTrue(disabled.getBoolean("disabled"));
            assertEquals("OFFLINE", disabled.getString("status"));
            assertEquals(0, disabled.getInt("activeThreads"));

            assertEquals(1008, socket.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
            assertEquals("agent disabled", socket.closed.get().getReasonPhrase());
        }
        try (SocketProbe again = SocketProbe.connect(socket(annConsole))) {
            assertEquals(1008, again.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
                    "its credential no longer opens a console socket");
        }
        // Both threads wait in the queue again, for whoever comes next (Ben is a member, but offline).
        String benReads = login(ben, List.of());
        for (String thread : List.of(chatting, offered)) {
            JsonObject seen = object(http.get("api/v1/threads/" + thread, benReads));
            assertEquals("QUEUED", seen.getString("status"), thread);
        }
        assertError(http.send("PUT", "api/v1/me/status", annConsole, "{\"status\":\"AVAILABLE\"}"), 409,
                "agent_disabled");
        HttpResponse<String> page = http.get("auth/login?accessToken=" + Tokens.valid(ann.username(), org.uid), null);
        assertEquals(401, page.statusCode());
        assertTrue(page.body().contains("Agent disabled"), page.body());

        // Routing skips it: the queued threads go to the next available member, a new one too.
        String benConsole = login(ben, List.of());
        available(benConsole);
        assertEquals(List.of(chatting, offered).stream().sorted().toList(), mine(benConsole));
        assertEquals(List.of("agent_disabled"), array(http.get("api/v1/admin/audit?limit=1", admin)).stream()
                .map(e -> e.asJsonObject().getString("action")).toList());
        assertEquals(2, array(http.get("api/v1/admin/audit?limit=1", admin)).getJsonObject(0).getJsonObject("detail")
                .getInt("threadsHandedBack"));

        JsonObject enabled = object(http.send("POST", "api/v1/admin/agents/" + ann.uid() + "/enable", admin, null));
        assertFalse(enabled.getBoolean("disabled"));
        assertEquals(303, http.get("auth/login?accessToken=" + Tokens.valid(ann.username(), org.uid), null)
                .statusCode());
    }

    @Test
    void addingAnAvailableAgentToAWorkgroupHandsItTheQueuedThreads() throws Exception {
        String support = org.workgroup("support");
        String annConsole = login(ann, List.of());
        available(annConsole);
        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null,
                "{\"workgroupUid\":\"" + support + "\",\"nickname\":\"Xena\"}");
        assertEquals(201, started.statusCode(), started.body());
        String waiting = object(started).getJsonObject("thread").getString("uid");
        assertEquals("QUEUED", object(started).getJsonObject("thread").getString("status"));

        assertEquals(200, http.send("PATCH", "api/v1/admin/agents/" + ann.uid(), admin,
                "{\"workgroups\":[\"" + sales + "\",\"" + support + "\"]}").statusCode());

        assertEquals(List.of(waiting), mine(annConsole));
    }

    @Test
    void theConsoleIsToldWhetherItsAgentIsAnAdministrator() throws Exception {
        assertTrue(object(http.get("api/v1/me", admin)).getBoolean("admin"));
        assertFalse(object(http.get("api/v1/me", login(ann, List.of("supervisor")))).getBoolean("admin"));
    }

    @Test
    void aLoginLinkWithToAdminLandsOnTheAdminPage() throws Exception {
        HttpResponse<String> login = http.get("auth/login?to=admin&accessToken="
                + Tokens.withClaim(boss.username(), org.uid, "roles", List.of("admin")), null);
        assertEquals(303, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Location").orElseThrow().startsWith("/agent/admin.html#credential="));
        HttpResponse<String> page = http.get("admin.html", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("js/admin.js"), page.body());
    }

    // --- helpers

    private void available(String credential) throws Exception {
        assertEquals(200, http.send("PUT", "api/v1/me/status", credential, "{\"status\":\"AVAILABLE\"}")
                .statusCode());
    }

    private String startChat(String nickname) throws Exception {
        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null,
                "{\"workgroupUid\":\"" + sales + "\",\"nickname\":\"" + nickname + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        return object(started).getJsonObject("thread").getString("uid");
    }

    private List<String> mine(String credential) throws Exception {
        return array(http.get("api/v1/threads?view=mine", credential)).stream()
                .map(t -> t.asJsonObject().getString("uid")).sorted().toList();
    }

    private String login(AgentView agent, List<String> roles) throws Exception {
        return login(agent, org.uid, roles);
    }

    private String login(AgentView agent, String organisation, List<String> roles) throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken="
                + Tokens.withClaim(agent.username(), organisation, "roles", roles), null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private URI socket(String credential) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws?credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8));
    }

    private static JsonObject object(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static List<String> names(JsonArray workgroups) {
        return workgroups.stream().map(w -> w.asJsonObject().getString("name")).toList();
    }

    private static List<String> strings(JsonArray values) {
        return values.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static void assertInvalid(HttpResponse<String> response, String member) {
        assertError(response, 400, "invalid_request");
        String message = Json.createReader(new StringReader(response.body())).readObject().getString("message");
        assertTrue(message.contains(member), message);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(code, body.getString("error"), response.body());
        assertTrue(body.containsKey("message"));
    }
}
