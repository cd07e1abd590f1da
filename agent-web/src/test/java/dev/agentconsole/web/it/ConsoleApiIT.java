package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentconsole.agent.boundary.AgentSignIn;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadQueries;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Login, the console REST API and the visitor channel, through a real HTTP client and real WebSocket clients. */
@ExtendWith(ArquillianExtension.class)
class ConsoleApiIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(Http.class, Tokens.class, SocketProbe.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin admin;

    @Inject
    AgentSignIn signIn;

    @Inject
    ThreadQueries queries;

    Http http;
    TestOrganisation org;
    String sales;
    AgentView ann;

    @BeforeEach
    void setUp() {
        http = new Http(base);
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        ann = org.agent("ann", 3, sales);
    }

    @Test
    void aHistoryLimitThatIsNotAWholeNumberInRangeIsABadRequest() throws Exception {
        String credential = login(ann);
        for (String limit : new String[] {"abc", "0", "101", "1.5"}) {
            HttpResponse<String> answer = http.get("api/v1/threads/no-such-thread/messages?limit=" + limit, credential);
            assertEquals(400, answer.statusCode(), limit);
            assertEquals("invalid_request", ((JsonObject) Http.json(answer)).getString("error"), limit);
        }
    }

    @Test
    void aHeadRequestForTheLoginNeverYieldsACredential() throws Exception {
        HttpResponse<String> head = http.send("HEAD", "auth/login?accessToken=" + Tokens.valid(ann.username(), org.uid),
                null, null);

        assertEquals(405, head.statusCode());
        assertTrue(head.headers().firstValue("Location").isEmpty(), head.headers().toString());
        HttpResponse<String> post = http.send("POST", "auth/login?accessToken=" + Tokens.valid(ann.username(), org.uid),
                null, null);
        assertEquals(405, post.statusCode());
        assertTrue(post.headers().firstValue("Location").isEmpty(), post.headers().toString());
        assertFalse(post.body().contains("Payara"), post.body());
    }

    @Test
    void validTokenLandsInTheConsoleWithACredentialInTheFragment() throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken=" + Tokens.valid(ann.username(), org.uid), null);

        assertEquals(303, login.statusCode());
        String location = login.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/agent/#credential="), location);
        assertTrue(login.headers().allValues("Set-Cookie").isEmpty(), "the console must not depend on cookies");
        String credential = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);

        JsonObject me = (JsonObject) Http.json(http.get("api/v1/me", credential));
        assertEquals(ann.uid(), me.getJsonObject("agent").getString("uid"));
        assertEquals("https://portal.example.com", me.getJsonArray("allowedOrigins").getString(0));
    }

    @Test
    void badTokensGet401AndAPageSayingWhy() throws Exception {
        byte[] otherKey = Base64.getDecoder().decode("zrhNvHtVF1c0rnEKO3Snks/KOxF2iZvDjGIqyj+cZnIyka9tYGUfynKJpFvM7FHj");
        String expired = Tokens.forAgent(ann.username(), org.uid, Instant.now().minusSeconds(600), Tokens.deploymentKey());
        String wrongKey = Tokens.forAgent(ann.username(), org.uid, Instant.now().plusSeconds(600), otherKey);
        String valid = Tokens.valid(ann.username(), org.uid);
        String none = b64("{\"alg\":\"none\"}") + "." + valid.split("\\.")[1] + ".";
        String unknown = Tokens.valid("nobody@nowhere", org.uid);

        assertRefused("", "No access token");
        assertRefused(expired, "expired");
        assertRefused(wrongKey, "signature");
        assertRefused(none, "algorithm");
        assertRefused("garbage", "malformed");
        assertRefused(unknown, "Unknown agent");
    }

    @Test
    void signedTokensWithUnusableClaimsGet401AndAPageWithNothingInternal() throws Exception {
        // Before: the user name or organisation overflowed its column and Payara's error page showed the SQL.
        assertRefused(Tokens.valid("a".repeat(250) + "@example.com", org.uid), "unusable claim");
        assertRefused(Tokens.valid(ann.username(), "o".repeat(301)), "unusable claim");
        // Not mapped to the default organisation.
        for (Object organisation : new Object[] {42, true, List.of(org.uid), Map.of("uid", org.uid), " "}) {
            assertRefused(Tokens.signed(claims(ann.username()).claim("org", organisation).build()), "unusable claim");
        }
        assertRefused(Tokens.signed(claims(ann.username()).claim("org", org.uid).expirationTime(null).build()),
                "never expires");
        assertEquals(303, http.get("auth/login?accessToken=" + Tokens.signed(claims(ann.username())
                .claim("org", org.uid).build()), null).statusCode(), "the same claims with exp log in");
    }

    @Test
    void controlCharactersInNamesAJsonNullOrganisationAndAbsurdTimesAreUnusableClaims() throws Exception {
        // Before: a NUL in the user name reached the database (and, with auto-provision, an agent named so).
        for (String name : List.of("z\\u0000@x", "z\\u0007", "z\\u0085", "z\\u2028@x")) {
            assertRefused(Tokens.signed(claims(name).claim("org", org.uid).build()), "contains control characters");
        }
        assertRefused(Tokens.signed(claims(ann.username()).claim("upn", "z\u0000@x").claim("org", org.uid).build()),
                "user name contains control characters");
        assertRefused(Tokens.signed(claims(ann.username()).claim("org", org.uid + "\u0000").build()),
                "organisation contains control characters");
        // Before: "org": null was taken for absent and mapped to the default organisation.
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String sub = "\"sub\":\"{\\\"username\\\":\\\"" + ann.username() + "\\\"}\"";
        assertRefused(Tokens.signedJson("{" + sub + ",\"exp\":" + exp + ",\"org\":null}"), "organisation claim");
        // Before: reported as "expired at 1969-12-31T23:59:59Z" (the time overflowed).
        for (String time : List.of("1e308", "99999999999999999999", "-1", "\"tomorrow\"")) {
            String page = assertRefused(Tokens.signedJson("{" + sub + ",\"exp\":" + time + ",\"org\":\"" + org.uid
                    + "\"}"), "exp claim is not a time");
            assertTrue(page.contains("unusable claim") && !page.contains("1969"), page);
        }
        long year2100 = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        HttpResponse<String> farFuture = http.get("auth/login?accessToken=" + Tokens.signedJson("{" + sub + ",\"exp\":"
                + year2100 + ",\"org\":\"" + org.uid + "\"}"), null);
        assertEquals(303, farFuture.statusCode(), farFuture.body());
    }

    @Test
    void unknownAgentsAreCreatedOnlyWhenProvisioningIsOn() {
        assertTrue(signIn.resolve(org.uid, "newcomer@example.com", false, Set.of()).isEmpty());
        AgentView created = signIn.resolve(org.uid, "newcomer@example.com", true, Set.of()).orElseThrow();
        assertEquals("newcomer", created.nickname());
        assertEquals(created.uid(), signIn.resolve(org.uid, "newcomer@example.com", false, Set.of()).orElseThrow().uid());
    }

    @Test
    void theApiNeedsAValidCredential() throws Exception {
        HttpResponse<String> none = http.get("api/v1/me", null);
        assertEquals(401, none.statusCode());
        assertEquals("unauthorized", ((JsonObject) Http.json(none)).getString("error"));
        assertEquals(401, http.get("api/v1/me", "forged.credential").statusCode());

        String credential = login(ann);
        assertEquals(204, http.send("POST", "api/v1/session/logout", credential, null).statusCode());
        assertEquals(401, http.get("api/v1/me", credential).statusCode(), "logout revokes the credential");
        try (SocketProbe socket = SocketProbe.connect(socket(credential))) {
            assertEquals(1008, socket.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
    }

    @Test
    void renewedCredentialWorks() throws Exception {
        String credential = login(ann);
        JsonObject renewed = (JsonObject) Http.json(http.send("POST", "api/v1/session/renew", credential, null));
        assertNotEquals(credential, renewed.getString("credential"));
        assertEquals(200, http.get("api/v1/me", renewed.getString("credential")).statusCode());
    }

    @Test
    void visitorAndAgentTalkThroughTheApis() throws Exception {
        String agent = login(ann);
        assertEquals(200, http.send("PUT", "api/v1/me/status", agent, "{\"status\":\"AVAILABLE\"}").statusCode());

        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null,
                "{\"workgroupUid\":\"" + sales + "\",\"nickname\":\"Vera\",\"topic\":\"Shipping\"}");
        assertEquals(201, started.statusCode(), started.body());
        JsonObject chat = (JsonObject) Http.json(started);
        String visitorToken = chat.getString("visitorToken");
        String thread = chat.getJsonObject("thread").getString("uid");
        assertEquals(ann.uid(), chat.getJsonObject("thread").getString("agentUid"));

        try (SocketProbe visitorSocket = SocketProbe.connect(URI.create(wsBase() + "visitor/ws?token="
                + encode(visitorToken) + "&thread=" + thread))) {
            String xss = "<img src=x onerror=alert(1)>";
            assertEquals(201, http.send("POST", "api/v1/visitor/threads/" + thread + "/messages", visitorToken,
                    "{\"clientMessageId\":\"v-1\",\"content\":\"" + xss.replace("\"", "\\\"") + "\"}").statusCode());

            JsonArray mine = (JsonArray) Http.json(http.get("api/v1/threads?view=mine", agent));
            assertEquals(1, mine.size());
            assertEquals(1, mine.getJsonObject(0).getInt("unreadCount"));
            assertEquals(xss, mine.getJsonObject(0).getString("content"), "stored as text, unchanged");
            JsonObject unread = (JsonObject) Http.json(http.get("api/v1/unread", agent));
            assertEquals(1, unread.getInt("totalUnreadCount"));

            assertEquals(200, http.send("POST", "api/v1/threads/" + thread + "/accept", agent, null).statusCode());
            HttpResponse<String> reply = http.send("POST", "api/v1/threads/" + thread + "/messages", agent,
                    "{\"clientMessageId\":\"a-1\",\"content\":\"Hello Vera\"}");
            assertEquals(201, reply.statusCode(), reply.body());

            JsonObject pushed = visitorSocket.nextOfType("message_created");
            JsonObject message = pushed.getJsonObject("data").getJsonObject("message");
            if (!"AGENT".equals(message.getString("senderKind"))) {
                message = visitorSocket.nextOfType("message_created").getJsonObject("data").getJsonObject("message");
            }
            assertEquals("Hello Vera", message.getString("content"));

            JsonObject history = (JsonObject) Http.json(http.get("api/v1/threads/" + thread + "/messages", agent));
            assertEquals(2, history.getJsonArray("messages").size());
            assertEquals(xss, history.getJsonArray("messages").getJsonObject(0).getString("content"));

            assertEquals(200, http.send("POST", "api/v1/threads/" + thread + "/close", agent, null).statusCode());
            assertEquals("closed", visitorSocket.nextOfType("thread_status_changed").getJsonObject("data")
                    .getString("action"));
        }
    }

    @Test
    void duplicateClientMessageIdIsStoredOnce() throws Exception {
        String agent = login(ann);
        http.send("PUT", "api/v1/me/status", agent, "{\"status\":\"AVAILABLE\"}");
        JsonObject chat = startChat("Dup");
        String thread = chat.getJsonObject("thread").getString("uid");
        http.send("POST", "api/v1/threads/" + thread + "/accept", agent, null);

        String body = "{\"clientMessageId\":\"same-id\",\"content\":\"once\"}";
        HttpResponse<String> first = http.send("POST", "api/v1/threads/" + thread + "/messages", agent, body);
        HttpResponse<String> again = http.send("POST", "api/v1/threads/" + thread + "/messages", agent, body);

        assertEquals(201, first.statusCode());
        assertEquals(200, again.statusCode());
        assertEquals(((JsonObject) Http.json(first)).getString("uid"), ((JsonObject) Http.json(again)).getString("uid"));
        assertEquals(1, queries.latestMessages(ann.uid(), thread, 10).size());
    }

    @Test
    void clientMessageIdsBelongToTheirSenderAndOwnershipIsCheckedFirst() throws Exception {
        String alice = login(ann);
        http.send("PUT", "api/v1/me/status", alice, "{\"status\":\"AVAILABLE\"}");
        JsonObject chat = startChat("Ids");
        String thread = chat.getJsonObject("thread").getString("uid");
        String visitorToken = chat.getString("visitorToken");
        String messages = "api/v1/threads/" + thread + "/messages";
        String visitorMessages = "api/v1/visitor/threads/" + thread + "/messages";
        HttpResponse<String> hers = http.send("POST", messages, alice, message("id-1", "from ann"));
        assertEquals(201, hers.statusCode(), hers.body());

        AgentView bob = org.agent("bob", 3, sales);
        String bobs = login(bob);
        HttpResponse<String> intruding = http.send("POST", messages, bobs, message("id-1", "from bob"));
        assertError(intruding, 404, "thread_not_found");
        assertFalse(intruding.body().contains("from ann"), intruding.body());
        assertError(http.send("POST", messages, bobs, message("id-2", "from bob")), 404, "thread_not_found");

        HttpResponse<String> visitors = http.send("POST", visitorMessages, visitorToken, message("id-1", "from vera"));
        assertEquals(201, visitors.statusCode(), "the visitor's id-1 is another message: " + visitors.body());
        assertEquals("from vera", ((JsonObject) Http.json(visitors)).getString("content"));
        HttpResponse<String> visitorAgain = http.send("POST", visitorMessages, visitorToken, message("id-1", "again"));
        assertEquals(200, visitorAgain.statusCode());
        assertEquals(uid(visitors), uid(visitorAgain));
        HttpResponse<String> hersAgain = http.send("POST", messages, alice, message("id-1", "again"));
        assertEquals(200, hersAgain.statusCode());
        assertEquals(uid(hers), uid(hersAgain));
        assertEquals("from ann", ((JsonObject) Http.json(hersAgain)).getString("content"));

        http.send("PUT", "api/v1/me/status", bobs, "{\"status\":\"AVAILABLE\"}");
        acceptOffer(http.send("POST", "api/v1/threads/" + thread + "/transfer", alice,
                "{\"agentUid\":\"" + bob.uid() + "\"}"), bobs);
        HttpResponse<String> bobsOwn = http.send("POST", messages, bobs, message("id-1", "from bob"));
        assertEquals(201, bobsOwn.statusCode(), "bob's id-1 is his own message: " + bobsOwn.body());
        assertEquals(bob.uid(), ((JsonObject) Http.json(bobsOwn)).getString("senderUid"));
        assertEquals(3, queries.latestMessages(bob.uid(), thread, 10).size());
    }

    @Test
    void wrongJsonTypesUnknownMembersAndNonObjectBodiesAreRefusedWithNothingChanged() throws Exception {
        String agent = login(ann);
        http.send("PUT", "api/v1/me/status", agent, "{\"status\":\"AVAILABLE\"}");
        JsonObject chat = startChat("Types");
        String thread = chat.getJsonObject("thread").getString("uid");
        String visitor = chat.getString("visitorUid");
        String visitorToken = chat.getString("visitorToken");
        String messages = "api/v1/threads/" + thread + "/messages";

        HttpResponse<String> array = http.send("POST", messages, agent,
                "{\"clientMessageId\":\"x\",\"content\":[\"a\"]}");
        assertError(array, 400, "invalid_request");
        assertTrue(array.body().contains("content must be a string"), array.body());
        assertError(http.send("POST", messages, agent, "{\"clientMessageId\":7,\"content\":\"a\"}"), 400,
                "invalid_request");
        HttpResponse<String> unknown = http.send("POST", messages, agent,
                "{\"clientMessageId\":\"x\",\"content\":\"a\",\"contnet\":\"b\"}");
        assertError(unknown, 400, "invalid_request");
        assertTrue(unknown.body().contains("contnet"), unknown.body());
        for (String notAnObject : List.of("[]", "\"text\"", "42", "null", "[" + message("x", "a") + "]")) {
            assertError(http.send("POST", messages, agent, notAnObject), 400, "malformed_request");
        }
        assertError(http.send("PATCH", "api/v1/visitors/" + visitor, agent, "{\"nickname\":[\"x\"]}"), 400,
                "invalid_request");
        assertError(http.send("PUT", "api/v1/me/status", agent, "{\"status\":[\"BUSY\"]}"), 400, "invalid_request");
        // Visitor names are shown in every console list: no control characters (\u0000, a newline, U+2028).
        for (String nickname : List.of("Ve\\u0000ra", "Vera\\nAdmin", "Vera\\u2028", " ")) {
            String edit = "{\"nickname\":\"" + nickname + "\"}";
            assertError(http.send("PATCH", "api/v1/visitors/" + visitor, agent, edit), 400, "invalid_request");
            assertError(http.send("POST", "api/v1/visitor/threads", null, "{\"workgroupUid\":\"" + sales
                    + "\",\"nickname\":\"" + nickname + "\"}"), 400, "invalid_request");
        }
        assertError(http.send("POST", "api/v1/visitor/threads/" + thread + "/messages", visitorToken,
                "{\"clientMessageId\":\"v\",\"content\":{\"text\":\"a\"}}"), 400, "invalid_request");
        assertError(http.send("POST", "api/v1/visitor/threads", null, "{\"workgroupUid\":\"" + sales
                + "\",\"nickname\":[\"x\"]}"), 400, "invalid_request");
        byte[] big = message("x", "a".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        assertError(http.sendChunked("POST", messages, agent, big), 413, "payload_too_large");
        assertError(http.sendChunked("POST", "api/v1/visitor/threads/" + thread + "/messages", visitorToken, big),
                413, "payload_too_large");

        assertEquals(0, queries.latestMessages(ann.uid(), thread, 10).size());
        assertEquals("Types", ((JsonObject) Http.json(http.get("api/v1/visitors/" + visitor, agent)))
                .getString("nickname"));
        assertEquals("AVAILABLE", queries.agent(ann.uid()).status());
        assertEquals(201, http.send("POST", messages, agent, message("x", "a")).statusCode(),
                "a good body still works");
    }

    @Test
    void deepDuplicatedAndUnlabelledBodiesAreClientErrorsWithNothingChanged() throws Exception {
        String agent = login(ann);
        http.send("PUT", "api/v1/me/status", agent, "{\"status\":\"AVAILABLE\"}");
        JsonObject chat = startChat("Deep");
        String thread = chat.getJsonObject("thread").getString("uid");
        String messages = "api/v1/threads/" + thread + "/messages";
        int queuedBefore = queries.threads(ann.uid(), ThreadQueries.View.QUEUED).size();

        for (int depth : new int[] {33, 500, 1000}) {
            String deep = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            HttpResponse<String> answer = http.send("POST", messages, agent, deep);
            assertError(answer, 400, "malformed_request");
            assertTrue(answer.body().contains("nested too deeply"), answer.body());
        }
        // The public, no-login endpoint too (once: thread starts from one address are rate limited).
        HttpResponse<String> visitorDeep = http.send("POST", "api/v1/visitor/threads", null,
                "{\"a\":".repeat(1000) + "1" + "}".repeat(1000));
        assertError(visitorDeep, 400, "malformed_request");
        assertTrue(visitorDeep.body().contains("nested too deeply"), visitorDeep.body());
        HttpResponse<String> twice = http.send("POST", messages, agent,
                "{\"content\":\"a\",\"content\":\"b\",\"clientMessageId\":\"x\"}");
        assertError(twice, 400, "invalid_request");
        assertTrue(twice.body().contains("duplicate member \\\"content\\\""), twice.body());
        for (String contentType : List.of("???", "a/b;;=", "/")) {
            HttpResponse<String> unlabelled = http.sendAs("POST", messages, agent, contentType, message("y", "a"));
            assertError(unlabelled, 415, "unsupported_media_type");
            assertError(http.sendAs("POST", "api/v1/session/renew", agent, contentType, "{}"), 415,
                    "unsupported_media_type");
        }
        assertError(http.sendAs("POST", "api/v1/visitor/threads", null, "???",
                "{\"workgroupUid\":\"" + sales + "\",\"nickname\":\"x\"}"), 415, "unsupported_media_type");
        HttpResponse<String> unknownBefore = http.get(messages + "?before=no-such-message", agent);
        assertError(unknownBefore, 400, "invalid_request");
        assertTrue(unknownBefore.body().contains("before"), unknownBefore.body());
        assertError(http.get("api/v1/visitor/threads/" + thread + "/messages?after=no-such-message",
                chat.getString("visitorToken")), 400, "invalid_request");

        assertEquals(0, queries.latestMessages(ann.uid(), thread, 10).size());
        assertEquals(queuedBefore, queries.threads(ann.uid(), ThreadQueries.View.QUEUED).size());
        assertEquals(201, http.sendAs("POST", messages, agent, "application/json; charset=utf-8", message("x", "a"))
                .statusCode(), "a good body with a charset still works");
    }

    @Test
    void badInputIsRejectedWithNothingStored() throws Exception {
        String agent = login(ann);
        JsonObject chat = startChat("Input");
        String thread = chat.getJsonObject("thread").getString("uid");
        String messages = "api/v1/threads/" + thread + "/messages";

        assertError(http.send("POST", messages, agent, "{\"clientMessageId\":\"x\",\"content\":\""
                + "a".repeat(4001) + "\"}"), 400, "invalid_request");
        assertError(http.send("POST", messages, agent, "{\"clientMessageId\":\"x\",\"content\":\"   \"}"), 400,
                "invalid_request");
        assertError(http.send("POST", messages, agent, "{\"content\":\"no id\"}"), 400, "invalid_request");
        assertError(http.send("POST", messages, agent, "{not json"), 400, "malformed_request");
        assertError(http.send("POST", messages, agent, "{\"clientMessageId\":\"x\",\"content\":\""
                + "a".repeat(70_000) + "\"}"), 413, "payload_too_large");
        assertError(http.send("PUT", "api/v1/me/status", agent, "{\"status\":\"SLEEPING\"}"), 400, "invalid_request");
        assertError(http.send("POST", "api/v1/threads/" + thread + "/transfer", agent,
                "{\"agentUid\":\"a\",\"workgroupUid\":\"b\"}"), 400, "invalid_request");
        assertError(http.get("api/v1/threads?view=everything", agent), 400, "invalid_request");
        assertError(http.send("POST", "api/v1/visitor/threads", null, "{\"workgroupUid\":\"" + sales
                + "\",\"nickname\":\"" + "n".repeat(101) + "\"}"), 400, "invalid_request");

        assertEquals(0, queries.latestMessages(ann.uid(), thread, 10).size());
        assertEquals("OFFLINE", queries.agent(ann.uid()).status());
    }

    @Test
    void anotherOrganisationsDataIsNotFound() throws Exception {
        JsonObject chat = startChat("Private");
        String thread = chat.getJsonObject("thread").getString("uid");
        String visitor = chat.getString("visitorUid");
        TestOrganisation other = new TestOrganisation(admin);
        AgentView eve = other.agent("eve", 3, other.workgroup("x"));
        String intruder = login(eve, other.uid);

        assertError(http.get("api/v1/threads/" + thread, intruder), 404, "thread_not_found");
        assertError(http.get("api/v1/threads/" + thread + "/messages", intruder), 404, "thread_not_found");
        assertError(http.send("POST", "api/v1/threads/" + thread + "/accept", intruder, null), 404, "thread_not_found");
        assertError(http.get("api/v1/visitors/" + visitor, intruder), 404, "visitor_not_found");
        assertError(http.send("PATCH", "api/v1/visitors/" + visitor, intruder, "{\"notes\":\"mine now\"}"), 404,
                "visitor_not_found");
        JsonArray colleagues = (JsonArray) Http.json(http.get("api/v1/colleagues", intruder));
        assertTrue(colleagues.isEmpty());
    }

    @Test
    void anAgentWithNoPartInAThreadFindsNothingOfItAndChangesNothing() throws Exception {
        String annCredential = login(ann);
        http.send("PUT", "api/v1/me/status", annCredential, "{\"status\":\"AVAILABLE\"}");
        JsonObject chat = startChat("Private");
        String thread = chat.getJsonObject("thread").getString("uid");
        String visitor = chat.getString("visitorUid");
        assertEquals(ann.uid(), chat.getJsonObject("thread").getString("agentUid"));
        String message = http.send("POST", "api/v1/visitor/threads/" + thread + "/messages", chat.getString("visitorToken"),
                "{\"clientMessageId\":\"v-1\",\"content\":\"my address is ...\"}").body();
        String messageUid = Json.createReader(new java.io.StringReader(message)).readObject().getString("uid");
        AgentView nora = org.agent("nora", 3);
        String outsider = login(nora);

        String path = "api/v1/threads/" + thread;
        assertError(http.get(path, outsider), 404, "thread_not_found");
        assertError(http.get(path + "/messages", outsider), 404, "thread_not_found");
        assertError(http.get(path + "/messages?before=" + messageUid, outsider), 404, "thread_not_found");
        assertError(http.send("POST", path + "/accept", outsider, null), 404, "thread_not_found");
        assertError(http.send("POST", path + "/transfer", outsider, "{\"agentUid\":\"" + nora.uid() + "\"}"), 404,
                "thread_not_found");
        assertError(http.send("POST", path + "/close", outsider, null), 404, "thread_not_found");
        assertError(http.send("POST", path + "/reopen", outsider, null), 404, "thread_not_found");
        assertError(http.get("api/v1/visitors/" + visitor, outsider), 404, "visitor_not_found");
        assertError(http.send("PATCH", "api/v1/visitors/" + visitor, outsider, "{\"notes\":\"mine now\"}"), 404,
                "visitor_not_found");

        JsonObject unchanged = (JsonObject) Http.json(http.get(path, annCredential));
        assertEquals("ASSIGNED", unchanged.getString("status"));
        assertEquals(ann.uid(), unchanged.getString("agentUid"));
        JsonObject record = (JsonObject) Http.json(http.get("api/v1/visitors/" + visitor, annCredential));
        assertTrue(!record.containsKey("notes") || record.isNull("notes"), record.toString());
        assertEquals(1, ((JsonObject) Http.json(http.get(path + "/messages", annCredential)))
                .getJsonArray("messages").size());
    }

    @Test
    void membersPastHoldersAndSupervisorsReadAThreadOthersDoNot() throws Exception {
        JsonObject chat = startChat("Queued");
        String thread = chat.getJsonObject("thread").getString("uid");
        String visitor = chat.getString("visitorUid");
        assertEquals("QUEUED", chat.getJsonObject("thread").getString("status"), "nobody in sales is available");
        String support = org.workgroup("support");
        AgentView ben = org.agent("ben", 3, sales);
        AgentView carl = org.agent("carl", 3, support);
        AgentView dora = org.agent("dora", 3, support);
        String benCredential = busy(login(ben));
        String carlCredential = busy(login(carl));
        String doraCredential = login(dora);

        // An agent of another workgroup cannot reply into the queued thread or mark it read: not found, not 409.
        assertError(http.send("POST", "api/v1/threads/" + thread + "/messages", doraCredential,
                "{\"clientMessageId\":\"d-1\",\"content\":\"hi\"}"), 404, "thread_not_found");
        assertError(http.send("POST", "api/v1/threads/" + thread + "/read", doraCredential, null), 404,
                "thread_not_found");

        // A member of the thread's workgroup reads the queued thread and its visitor, and may take it.
        assertReadable(benCredential, thread, visitor);
        assertEquals(200, http.send("POST", "api/v1/threads/" + thread + "/accept", benCredential, null).statusCode());
        acceptOffer(http.send("POST", "api/v1/threads/" + thread + "/transfer", benCredential,
                "{\"agentUid\":\"" + carl.uid() + "\"}"), carlCredential);
        assertEquals(200, http.send("POST", "api/v1/threads/" + thread + "/accept", carlCredential, null).statusCode());
        acceptOffer(http.send("POST", "api/v1/threads/" + thread + "/transfer", carlCredential,
                "{\"agentUid\":\"" + ben.uid() + "\"}"), benCredential);

        // Carl (support only) held it before: still readable. Dora (support, never held it) is not.
        assertReadable(carlCredential, thread, visitor);
        assertError(http.get("api/v1/threads/" + thread, doraCredential), 404, "thread_not_found");
        assertError(http.get("api/v1/visitors/" + visitor, doraCredential), 404, "visitor_not_found");

        // A supervisor (role claim of the login token) reads and annotates any thread of the organisation...
        AgentView sue = org.agent("sue", 3);
        String supervisor = loginWith(Tokens.withClaim(sue.username(), org.uid, "roles", List.of("agent", "supervisor")));
        assertReadable(supervisor, thread, visitor);
        assertEquals(200, http.send("PATCH", "api/v1/visitors/" + visitor, supervisor, "{\"notes\":\"checked\"}")
                .statusCode());
        // ...until a login whose token no longer grants the role.
        String demoted = loginWith(Tokens.withClaim(sue.username(), org.uid, "roles", List.of("agent")));
        assertError(http.get("api/v1/threads/" + thread, demoted), 404, "thread_not_found");
        assertError(http.get("api/v1/threads/" + thread, supervisor), 404, "thread_not_found");

        // Another organisation's supervisor sees nothing of this one.
        TestOrganisation other = new TestOrganisation(admin);
        AgentView eve = other.agent("eve", 3);
        String foreign = loginWith(Tokens.withClaim(eve.username(), other.uid, "roles", List.of("supervisor")));
        assertError(http.get("api/v1/threads/" + thread, foreign), 404, "thread_not_found");
        assertError(http.get("api/v1/threads/" + thread + "/messages", foreign), 404, "thread_not_found");
        assertError(http.get("api/v1/visitors/" + visitor, foreign), 404, "visitor_not_found");
    }

    @Test
    void visitorRecordCanBeReadAndAnnotated() throws Exception {
        String agent = login(ann);
        String visitor = startChat("Carl").getString("visitorUid");
        JsonObject edited = (JsonObject) Http.json(http.send("PATCH", "api/v1/visitors/" + visitor, agent,
                "{\"nickname\":\"Carl Jensen\",\"notes\":\"VIP, prefers email\"}"));
        assertEquals("Carl Jensen", edited.getString("nickname"));
        assertEquals("VIP, prefers email", ((JsonObject) Http.json(http.get("api/v1/visitors/" + visitor, agent)))
                .getString("notes"));
    }

    @Test
    void visitorEndpointsNeedTheVisitorsToken() throws Exception {
        JsonObject chat = startChat("Owner");
        String thread = chat.getJsonObject("thread").getString("uid");
        String strangerToken = startChat("Stranger").getString("visitorToken");
        String message = "{\"clientMessageId\":\"m\",\"content\":\"hi\"}";

        assertError(http.send("POST", "api/v1/visitor/threads/" + thread + "/messages", null, message), 401,
                "unauthorized");
        assertError(http.send("POST", "api/v1/visitor/threads/" + thread + "/messages", strangerToken, message),
                404, "thread_not_found");
        assertError(http.get("api/v1/visitor/threads/" + thread + "/messages", strangerToken), 404,
                "thread_not_found");
        try (SocketProbe socket = SocketProbe.connect(URI.create(wsBase() + "visitor/ws?token="
                + encode(strangerToken) + "&thread=" + thread))) {
            assertEquals(1008, socket.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
    }

    @Test
    void healthAndOpenApiAreServed() throws Exception {
        URI root = URI.create(base.toString()).resolve("/");
        Http server = new Http(root.toURL());
        HttpResponse<String> ready = server.get("health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("agent-console-database"), ready.body());
        // The tests run with a random credential key and the demo seed: both are named for the operator.
        assertTrue(ready.body().contains("agent.console.credential-key is not set"), ready.body());
        assertTrue(ready.body().contains("agent.demo.seed is true"), ready.body());
        // The application's own readiness, for servers without MicroProfile Health: same check, same data.
        HttpResponse<String> plain = http.get("api/health/ready", null);
        assertEquals(200, plain.statusCode(), plain.body());
        assertTrue(plain.body().contains("\"status\":\"UP\""), plain.body());
        assertTrue(plain.body().contains("agent-console-database"), plain.body());
        assertTrue(plain.body().contains("agent.demo.seed is true"), plain.body());
        HttpResponse<String> openapi = server.get("openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/threads"), "OpenAPI lists the console API");
    }

    @Test
    void theSchemaComesFromTheMigrations() throws Exception {
        HttpResponse<String> ready = new Http(URI.create(base.toString()).resolve("/").toURL()).get("health/ready", null);
        JsonObject data = ((JsonObject) Http.json(ready)).getJsonArray("checks").getJsonObject(0).getJsonObject("data");
        // Flyway's history lists V1, V2 and the later versions, after a "0" baseline when an earlier version had
        // created the tables.
        assertTrue(data.getString("schema-versions").matches("(0,)?1,2(,[0-9]+)*"), data.toString());
    }

    private static String message(String clientMessageId, String content) {
        return Json.createObjectBuilder().add("clientMessageId", clientMessageId).add("content", content).build()
                .toString();
    }

    private static String uid(HttpResponse<String> response) {
        return ((JsonObject) Http.json(response)).getString("uid");
    }

    private static JWTClaimsSet.Builder claims(String username) {
        return new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    /** A transfer to a colleague is an offer (202) that moves the thread once the colleague accepts it. */
    private void acceptOffer(HttpResponse<String> offered, String targetCredential) throws Exception {
        assertEquals(202, offered.statusCode(), offered.body());
        String offer = ((JsonObject) Http.json(offered)).getString("uid");
        HttpResponse<String> accepted = http.send("POST", "api/v1/transfer-offers/" + offer + "/accept",
                targetCredential, null);
        assertEquals(200, accepted.statusCode(), accepted.body());
    }

    private JsonObject startChat(String nickname) throws Exception {
        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null,
                "{\"workgroupUid\":\"" + sales + "\",\"nickname\":\"" + nickname + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        return (JsonObject) Http.json(started);
    }

    private String login(AgentView agent) throws Exception {
        return login(agent, org.uid);
    }

    private String login(AgentView agent, String organisation) throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken=" + Tokens.valid(agent.username(), organisation),
                null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private void assertReadable(String credential, String thread, String visitor) throws Exception {
        assertEquals(200, http.get("api/v1/threads/" + thread, credential).statusCode());
        assertEquals(200, http.get("api/v1/threads/" + thread + "/messages", credential).statusCode());
        assertEquals(200, http.get("api/v1/visitors/" + visitor, credential).statusCode());
    }

    private String busy(String credential) throws Exception {
        assertEquals(200, http.send("PUT", "api/v1/me/status", credential, "{\"status\":\"BUSY\"}").statusCode());
        return credential;
    }

    private String loginWith(String token) throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken=" + token, null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private String assertRefused(String token, String reason) throws Exception {
        HttpResponse<String> page = http.get("auth/login?accessToken=" + encode(token), null);
        assertEquals(401, page.statusCode(), page.body());
        assertTrue(page.body().toLowerCase().contains(reason.toLowerCase()), reason + " in " + page.body());
        assertTrue(page.headers().firstValue("Location").isEmpty());
        for (String internal : List.of("Exception", "EclipseLink", "SELECT", "Payara", "column", "\tat ")) {
            assertFalse(page.body().contains(internal), internal + " in " + page.body());
        }
        return page.body();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new java.io.StringReader(response.body())).readObject();
        assertEquals(code, body.getString("error"), response.body());
        assertTrue(body.containsKey("message"));
    }

    private URI socket(String credential) {
        return URI.create(wsBase() + "ws?credential=" + encode(credential));
    }

    private String wsBase() {
        return base.toString().replaceFirst("^http", "ws");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
