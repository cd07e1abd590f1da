package dev.agentconsole.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The smoke test every server of the EAR matrix passes: the unchanged {@code agent.ear} deployed, the console served,
 * EJB and JPA answering with the seeded demo data, readiness UP, a token login, the console socket, a status change
 * and its {@code agent_status_changed} event. A subclass boots its server once, deploys, and tears it down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EarSmokeTest {

    /** Base64 of 48 bytes, the login secret of every deployment; '=' free so asadmin takes it as it is. */
    static final String SECRET = "ZWFyLXRlc3Qtc2VjcmV0LWVhci10ZXN0LXNlY3JldC1lYXItdGVzdC1zZWNyZXQt";
    /** The settings every server gets, each in its own way (system properties, environment variables). */
    static final String[][] SETTINGS = {
        {"agent.demo.seed", "true"},
        {"agent.auth.default-organisation", "demo"},
        {"agent.auth.hmac-secret", SECRET},
    };
    static final Path EAR = Path.of(System.getProperty("agent.it.ear", "target/agent.ear")).toAbsolutePath();
    private static final Path TIMES = Path.of("target", "ear-matrix-times.txt");

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private String base;

    /** Boots the server, deploys {@link #EAR}, and answers the console's base URL ({@code http://host:port/agent/}). */
    abstract String bootAndDeploy() throws Exception;

    /** Stops the server and everything it started. */
    abstract void tearDown() throws Exception;

    /** HS384 like the original product's tokens; a server may use HS256 to cover both. */
    String tokenAlgorithm() {
        return "HS384";
    }

    @BeforeAll
    void deploy() throws Exception {
        long started = System.nanoTime();
        base = bootAndDeploy();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String line = getClass().getSimpleName() + ": boot and deploy " + millis + " ms";
        System.out.println(line);
        Files.writeString(TIMES, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @AfterAll
    void stop() throws Exception {
        tearDown();
    }

    @Test
    void consoleIsServedUnderAgent() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Agent console"), page.body());
    }

    @Test
    void readinessIsUpAndNamesTheUnsafeDefaults() throws Exception {
        HttpResponse<String> ready = get("api/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("agent.demo.seed is true"), ready.body());
    }

    @Test
    void ejbAndJpaWorkInTheEarWithSeededDemoData() throws Exception {
        HttpResponse<String> sales = get("api/v1/visitor/workgroups/wg-sales");
        assertEquals(200, sales.statusCode(), sales.body());
        assertTrue(sales.body().contains("\"name\":\"Sales\""), sales.body());

        HttpResponse<String> missing = get("api/v1/visitor/workgroups/no-such-group");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"error\":\"workgroup_not_found\""), missing.body());
    }

    @Test
    void consoleSocketRefusesAConnectionWithoutCredential() throws Exception {
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        List<CharSequence> received = new ArrayList<>();
        HTTP.newWebSocketBuilder().buildAsync(URI.create(wsBase() + "ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                received.add(data);
                return WebSocket.Listener.super.onText(socket, data, last);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closeCode.completeExceptionally(error);
            }
        }).get(20, TimeUnit.SECONDS);
        assertEquals(1008, closeCode.get(20, TimeUnit.SECONDS));
        assertTrue(received.isEmpty());
    }

    @Test
    void seededAgentLogsInAndItsSocketStreamsItsStatusChange() throws Exception {
        HttpResponse<String> login = get("auth/login?accessToken=" + token("alice@example.com"));
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        String credential = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(wsBase() + "ws?credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8)), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        return WebSocket.Listener.super.onText(ws, data, last);
                    }
                }).get(20, TimeUnit.SECONDS);
        try {
            // The endpoint's injected EJB (event log) answers the handshake: a hello frame, not an error close.
            String hello = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(hello != null && hello.contains("\"hello\""), String.valueOf(hello));

            HttpResponse<String> status = putStatus(credential, "BUSY");
            assertEquals(200, status.statusCode(), status.body());
            String event = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(event != null && event.contains("\"agent_status_changed\"") && event.contains("\"BUSY\""),
                    String.valueOf(event));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /**
     * For a server given a JMS topic ({@code agent.cluster.jms-topic}): committed events go out through Jakarta
     * Messaging, and the member hears its own messages back from the broker (one member here, so the log line is the
     * proof that the engine delivers).
     */
    String assertCommittedEventsTravelThroughJms(Path serverLog) throws Exception {
        HttpResponse<String> login = get("auth/login?accessToken=" + token("bob@example.com"));
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        String credential = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);

        // A change a second: the topic's subscription is not durable, so one made before the consumer is subscribed
        // (GlassFish 6 starts the bus threads at the first request) is not heard back.
        long until = System.currentTimeMillis() + 20_000;
        String text = "";
        for (int change = 0; System.currentTimeMillis() < until && !text.contains("Cluster bus: delivering");
                change++) {
            assertEquals(200, putStatus(credential, change % 2 == 0 ? "AVAILABLE" : "BUSY").statusCode());
            for (int poll = 0; poll < 5 && !text.contains("Cluster bus: delivering"); poll++) {
                Thread.sleep(200);
                text = Files.readString(serverLog, StandardCharsets.ISO_8859_1);
            }
        }
        assertTrue(text.contains("Cluster bus: Jakarta Messaging topic"), "the JMS bus was chosen: see " + serverLog);
        assertTrue(text.contains("Cluster bus: delivering"), "the broker delivered a message back: see " + serverLog);
        return text;
    }

    HttpResponse<String> putStatus(String credential, String status) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/me/status"))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A token shaped like the original's ({@code sub} a JSON string), made with the JDK alone. */
    String token(String username) throws Exception {
        String alg = tokenAlgorithm();
        String macName = "Hmac" + alg.replace("HS", "SHA");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"{\\\"platform\\\":\\\"bytedesk\\\",\\\"username\\\":\\\""
                + username + "\\\"}\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance(macName);
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), macName));
        byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signature);
    }

    private String wsBase() {
        return base.replaceFirst("^http", "ws");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
