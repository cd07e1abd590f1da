package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public visitor side under abuse: rate limits (429 with Retry-After, nothing created), the workgroup queue cap
 * (503 queue_full, exact under concurrent starts), tokens of a closed thread (410 chat_ended, socket 4410) and idle
 * token expiry (401 token_expired, socket 4401). Limits are set per test through {@link AdjustableVisitorSettings}.
 */
@ExtendWith(ArquillianExtension.class)
class VisitorLimitsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(AdjustableVisitorSettings.class, SocketProbe.class);
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin admin;

    @Inject
    ThreadQueries queries;

    @Inject
    ThreadLifecycle lifecycle;

    @Inject
    AdjustableVisitorSettings limits;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    TestOrganisation org;
    String sales;
    AgentView ann;

    @BeforeEach
    void setUp() {
        limits.reset();
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        // Offline: nothing is routed, every started thread waits in the queue, where it can be counted.
        ann = org.agent("ann", 3, sales);
    }

    @AfterEach
    void tearDown() {
        limits.reset();
    }

    @Test
    void threadStartsBeyondTheAddressBurstAre429WithRetryAfterAndCreateNothing() throws Exception {
        limits.set(3, 0, 0, 0, Duration.ofDays(1));
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, start(address, "V" + i, null).statusCode());
        }

        HttpResponse<String> refused = start(address, "One too many", null);

        assertEquals(429, refused.statusCode(), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "3 a minute: the next in at most 20 s, was " + retryAfter);
        JsonObject body = json(refused);
        assertEquals("rate_limited", body.getString("error"));
        assertEquals(retryAfter, body.getJsonNumber("retryAfter").longValue());
        assertTrue(body.getString("message").contains("try again"), body.toString());
        assertEquals(3, queued(), "the refused start created nothing");
        assertEquals(201, start(newAddress(), "Another client", null).statusCode(), "other addresses are not limited");
    }

    @Test
    void messagesBeyondTheVisitorBurstAre429AndNotStored() throws Exception {
        limits.set(0, 0, 0, 3, Duration.ofDays(1));
        JsonObject chat = json(start(newAddress(), "Chatty", null));
        String token = chat.getString("visitorToken");
        String thread = chat.getJsonObject("thread").getString("uid");
        for (int i = 0; i < 3; i++) {
            // A new address each time: only the visitor's own limit can refuse.
            assertEquals(201, post(newAddress(), token, thread, "m" + i).statusCode());
        }

        HttpResponse<String> refused = post(newAddress(), token, thread, "m3");

        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals("rate_limited", json(refused).getString("error"));
        assertEquals(3, json(get(token, "threads/" + thread + "/messages")).getJsonArray("messages").size(),
                "the refused message was not stored");
    }

    @Test
    void messagesBeyondTheAddressBurstAre429WhoeverSendsThem() throws Exception {
        limits.set(0, 2, 0, 0, Duration.ofDays(1));
        String address = newAddress();
        JsonObject first = json(start(address, "First", null));
        JsonObject second = json(start(address, "Second", null));

        assertEquals(201, post(address, first.getString("visitorToken"), uid(first), "a").statusCode());
        assertEquals(201, post(address, second.getString("visitorToken"), uid(second), "b").statusCode());
        HttpResponse<String> refused = post(address, second.getString("visitorToken"), uid(second), "c");

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(1, json(get(second.getString("visitorToken"), "threads/" + uid(second) + "/messages"))
                .getJsonArray("messages").size());
    }

    @Test
    void aVisitorStartingThreadAfterThreadIsLimitedByToken() throws Exception {
        limits.set(0, 0, 2, 0, Duration.ofDays(1));
        String token = json(start(newAddress(), "Repeat", null)).getString("visitorToken");
        assertEquals(201, start(newAddress(), "Repeat", token).statusCode());
        assertEquals(201, start(newAddress(), "Repeat", token).statusCode());

        HttpResponse<String> refused = start(newAddress(), "Repeat", token);

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(3, queued());
    }

    @Test
    void aFullQueueRefusesWith503QueueFullAndCreatesNothing() throws Exception {
        admin.capWorkgroupQueue(sales, 2);
        assertEquals(201, start(newAddress(), "Q1", null).statusCode());
        assertEquals(201, start(newAddress(), "Q2", null).statusCode());

        HttpResponse<String> refused = start(newAddress(), "Q3", null);

        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("queue_full", json(refused).getString("error"));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals(2, queued());
    }

    @Test
    void concurrentStartsNeverExceedTheQueueCap() throws Exception {
        admin.capWorkgroupQueue(sales, 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "Rush" + i;
                answers.add(pool.submit((Callable<Integer>) () -> start(newAddress(), name, null).statusCode()));
            }
            int created = 0;
            int full = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                created += status == 201 ? 1 : 0;
                full += status == 503 ? 1 : 0;
            }
            assertEquals(3, created);
            assertEquals(5, full);
            assertEquals(3, queued());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTokenOfAClosedThreadIsRefusedAsChatEndedAndItsSocketCloses() throws Exception {
        JsonObject chat = json(start(newAddress(), "Leaving", null));
        String token = chat.getString("visitorToken");
        String thread = uid(chat);
        try (SocketProbe live = SocketProbe.connect(socket(token, thread))) {
            // A round trip: the server has registered the socket once it answers.
            live.send("{\"type\":\"ping\"}");
            assertEquals("pong", live.next().getString("type"));
            assertEquals(200, get(token, "threads/" + thread).statusCode(), "works while the thread is open");

            lifecycle.closeByVisitor(chat.getString("visitorUid"), thread);

            assertEquals(4410, live.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(),
                    "the open socket is closed when the thread ends");
        }
        assertChatEnded(get(token, "threads/" + thread));
        assertChatEnded(get(token, "threads/" + thread + "/messages"));
        assertChatEnded(post(newAddress(), token, thread, "anyone there?"));
        assertChatEnded(send("POST", newAddress(), token, "threads/" + thread + "/close", null));
        try (SocketProbe late = SocketProbe.connect(socket(token, thread))) {
            assertEquals(4410, late.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
        assertEquals(0, queries.visitorMessages(chat.getString("visitorUid"), thread, null).size());
    }

    @Test
    void anIdleTokenExpiresWhileUseRenewsIt() throws Exception {
        limits.set(0, 0, 0, 0, Duration.ofSeconds(2));
        JsonObject chat = json(start(newAddress(), "Idle", null));
        String first = chat.getString("visitorToken");
        String thread = uid(chat);

        assertTrue(expiresAt(first) - System.currentTimeMillis() <= 2_000, "the 2 s idle setting is in effect");

        // A visitor who keeps using the chat past the first token's expiry, always with the token it was last given.
        String latest = first;
        while (System.currentTimeMillis() <= expiresAt(first) + 200) {
            HttpResponse<String> used = get(latest, "threads/" + thread + "/messages");
            assertEquals(200, used.statusCode(), used.body());
            latest = used.headers().firstValue("Visitor-Token").orElseThrow();
            TimeUnit.MILLISECONDS.sleep(200);
        }

        assertTrue(expiresAt(latest) > expiresAt(first), "use renewed the token");
        assertEquals(200, get(latest, "threads/" + thread).statusCode(), "the renewed token still works");
        HttpResponse<String> expired = get(first, "threads/" + thread);
        assertEquals(401, expired.statusCode(), expired.body());
        assertEquals("token_expired", json(expired).getString("error"));
        assertEquals(401, start(newAddress(), "Idle", first).statusCode(), "an expired token names nobody");
        try (SocketProbe socket = SocketProbe.connect(socket(first, thread))) {
            assertEquals(4401, socket.closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode());
        }
    }

    private static void assertChatEnded(HttpResponse<String> answer) {
        assertEquals(410, answer.statusCode(), answer.body());
        assertEquals("chat_ended", json(answer).getString("error"));
    }

    private int queued() {
        return queries.threads(ann.uid(), ThreadQueries.View.QUEUED).size();
    }

    private HttpResponse<String> start(String address, String nickname, String token) throws Exception {
        return send("POST", address, null, "threads", startBody(nickname, token));
    }

    private String startBody(String nickname, String token) {
        JsonObject body = token == null
                ? Json.createObjectBuilder().add("workgroupUid", sales).add("nickname", nickname).build()
                : Json.createObjectBuilder().add("workgroupUid", sales).add("nickname", nickname)
                        .add("visitorToken", token).build();
        return body.toString();
    }

    private HttpResponse<String> post(String address, String token, String thread, String content) throws Exception {
        return send("POST", address, token, "threads/" + thread + "/messages", Json.createObjectBuilder()
                .add("clientMessageId", "c-" + System.nanoTime()).add("content", content).build().toString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return send("GET", newAddress(), token, path, null);
    }

    private HttpResponse<String> send(String method, String address, String token, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/visitor/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI socket(String token, String thread) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "visitor/ws?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&thread=" + thread);
    }

    /** A client address of its own for every caller (from 198.18.0.0/15, reserved for tests). */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) % 256 + "." + (n % 250 + 1);
    }

    private static String uid(JsonObject chat) {
        return chat.getJsonObject("thread").getString("uid");
    }

    private static long expiresAt(String token) {
        String body = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(body)).readObject().getJsonNumber("exp").longValue();
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
