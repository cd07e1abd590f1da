package dev.agentconsole.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built EAR, the product enterprises deploy, on a real Payara Server 6 domain: asadmin creates and starts a
 * domain, deploys {@code agent.ear}, and the tests talk to it over HTTP and WebSocket like a client.
 */
class PayaraServerEarIT {

    private static final String DOMAIN = "agent-it";
    private static final Path PAYARA = Path.of(System.getProperty("agent.it.payaraHome", "target/payara-server/payara6"));
    private static final Path DOMAINS = Path.of(System.getProperty("agent.it.domainDir", "target/domains"));
    private static final int PORTBASE = Integer.getInteger("agent.it.portbase", 28000);
    private static final int ADMIN_PORT = PORTBASE + 48;
    private static final String BASE = "http://localhost:" + (PORTBASE + 80) + "/agent/";
    private static final Path LOG = Path.of("target", "payara-server-asadmin.log");
    private static final String BUS_TOPIC = "jms/agentConsoleBus";

    /** Base64 of 48 bytes, the login secret of this deployment; '=' free so asadmin takes it as it is. */
    private static final String SECRET = "ZWFyLXRlc3Qtc2VjcmV0LWVhci10ZXN0LXNlY3JldC1lYXItdGVzdC1zZWNyZXQt";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void deployEarOnPayaraServer() throws Exception {
        Files.deleteIfExists(LOG);
        asadmin("delete-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        require(asadmin("create-domain", "--nopassword", "--portbase", String.valueOf(PORTBASE),
                "--domaindir", DOMAINS.toString(), DOMAIN), "create-domain");
        require(asadmin("start-domain", "--domaindir", DOMAINS.toString(), DOMAIN), "start-domain");
        // The cluster bus on the server's own broker (OpenMQ): a topic, named to the application by a setting.
        require(asadmin("--port", String.valueOf(ADMIN_PORT), "create-jms-resource", "--restype", "jakarta.jms.Topic",
                "--property", "Name=agentConsoleBus", BUS_TOPIC), "create-jms-resource");
        require(asadmin("--port", String.valueOf(ADMIN_PORT), "create-system-properties",
                "agent.demo.seed=true:agent.auth.default-organisation=demo:agent.auth.hmac-secret=" + SECRET
                        + ":agent.cluster.jms-topic=" + BUS_TOPIC),
                "create-system-properties");
        File ear = new File(System.getProperty("agent.it.ear", "target/agent.ear"));
        require(asadmin("--port", String.valueOf(ADMIN_PORT), "deploy", "--name", "agent-console",
                ear.getAbsolutePath()), "deploy");
    }

    @AfterAll
    static void stopDomain() throws Exception {
        asadmin("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    }

    @Test
    void consoleIsServedUnderAgent() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Agent console"), page.body());
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
        HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(BASE.replaceFirst("^http", "ws") + "ws"), new WebSocket.Listener() {
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
    void seededAgentLogsInAndItsSocketStreamsEvents() throws Exception {
        HttpResponse<String> login = get("auth/login?accessToken=" + hs384Token("alice@example.com"));
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        String credential = java.net.URLDecoder.decode(location.substring(location.indexOf('=') + 1),
                java.nio.charset.StandardCharsets.UTF_8);

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(BASE.replaceFirst("^http", "ws")
                + "ws?credential=" + java.net.URLEncoder.encode(credential, java.nio.charset.StandardCharsets.UTF_8)),
                new WebSocket.Listener() {
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

            HttpResponse<String> status = HTTP.send(java.net.http.HttpRequest.newBuilder(
                    URI.create(BASE + "api/v1/me/status")).header("Authorization", "Bearer " + credential)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"BUSY\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), status.body());
            String event = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(event != null && event.contains("\"agent_status_changed\"") && event.contains("\"BUSY\""),
                    String.valueOf(event));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /**
     * With a topic configured, committed events go out through Jakarta Messaging, and the member hears its own
     * messages back from the broker (one member here, so the log line is the proof that the engine delivers).
     */
    @Test
    void committedEventsTravelThroughTheServersJmsTopic() throws Exception {
        HttpResponse<String> login = get("auth/login?accessToken=" + hs384Token("bob@example.com"));
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        String credential = java.net.URLDecoder.decode(location.substring(location.indexOf('=') + 1),
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> status = HTTP.send(java.net.http.HttpRequest.newBuilder(
                URI.create(BASE + "api/v1/me/status")).header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"AVAILABLE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode(), status.body());

        Path serverLog = DOMAINS.resolve(DOMAIN).resolve("logs").resolve("server.log");
        long until = System.currentTimeMillis() + 20_000;
        String text = "";
        while (System.currentTimeMillis() < until && !text.contains("Cluster bus: delivering")) {
            Thread.sleep(200);
            text = Files.readString(serverLog, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertTrue(text.contains("Cluster bus: Jakarta Messaging topic"), "the JMS bus was chosen: see " + serverLog);
        assertTrue(text.contains("Cluster bus: delivering"), "the broker delivered a message back: see " + serverLog);
    }

    /** A token shaped like the original's (HS384, sub a JSON string), made with the JDK alone. */
    private static String hs384Token(String username) throws Exception {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"HS384\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"{\\\"platform\\\":\\\"bytedesk\\\",\\\"username\\\":\\\""
                + username + "\\\"}\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA384");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(SECRET), "HmacSHA384"));
        byte[] signature = mac.doFinal((header + "." + claims).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signature);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int asadmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PAYARA.resolve("bin").resolve("asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " did not finish; see " + LOG);
        }
        return process.exitValue();
    }

    private static void require(int exitCode, String step) throws IOException {
        if (exitCode != 0) {
            throw new IllegalStateException("asadmin " + step + " failed (" + exitCode + "):\n" + Files.readString(LOG));
        }
    }
}
