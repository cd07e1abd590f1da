package dev.agentconsole.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members behind a load balancer, sharing one PostgreSQL: a console connected to member A sees a change made
 * through member B (pushed on B, caught up from the shared event log on A), and a credential from A works on B. They
 * start together on an empty database of their own, so both migrate it at once: each version is applied once.
 */
class TwoMembersIT {

    private static final int PORT_A = Integer.getInteger("agent.it.clusterPort", 28281);
    private static final int PORT_B = PORT_A + 1;
    private static final String SECRET = System.getProperty("agent.it.hmacSecret");
    private static final String CREDENTIAL_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');

    private static final List<Process> members = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static final String DATABASE = "agent_two_members_" + UUID.randomUUID().toString().replace("-", "");
    private static boolean databaseCreated;

    @BeforeAll
    static void startMembers() throws Exception {
        // Named with -Dit.test, the test also reaches the embedded-database execution, whose members share nothing.
        assumeTrue("postgres".equals(System.getProperty("agent.it.db")), "two members need a shared database");
        execute("postgres", "CREATE DATABASE " + DATABASE);
        databaseCreated = true;
        Path commands = Path.of("target", "two-members-postboot.asadmin");
        Files.writeString(commands, Files.readString(Path.of("target", "test-classes", "postgres-postboot.asadmin"))
                .replaceAll("databaseName=[^:]+", "databaseName=" + DATABASE));
        members.add(start(PORT_A, commands));
        members.add(start(PORT_B, commands));
        awaitReady(PORT_A);
        awaitReady(PORT_B);
    }

    @Test
    void membersStartingTogetherApplyEachSchemaVersionOnce() throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection connection = connect(DATABASE); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        assertEquals(List.of("1", "2"), applied);
    }

    @AfterAll
    static void stopMembers() throws InterruptedException {
        for (Process member : members) {
            member.destroy();
        }
        for (Process member : members) {
            if (!member.waitFor(30, TimeUnit.SECONDS)) {
                member.destroyForcibly();
            }
        }
        if (!databaseCreated) {
            return;
        }
        try {
            execute("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + DATABASE, e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getProperty("agent.it.postgres.host")
                + ":" + System.getProperty("agent.it.postgres.port") + "/" + database,
                System.getProperty("agent.it.postgres.user"), System.getProperty("agent.it.postgres.password"));
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database)) {
            connection.createStatement().execute(sql);
        }
    }

    @Test
    void aConsoleOnOneMemberSeesChangesMadeThroughTheOther() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        String credential = login(PORT_A, "ann@" + organisation, organisation);

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + PORT_A
                + "/agent/ws?credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)), collector(frames))
                .get(20, TimeUnit.SECONDS);
        try {
            String hello = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(hello != null && hello.contains("\"hello\""), String.valueOf(hello));

            HttpResponse<String> busy = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_B
                    + "/agent/api/v1/me/status")).header("Authorization", "Bearer " + credential)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"BUSY\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, busy.statusCode(), "member B accepts member A's credential: " + busy.body());

            String event = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(event != null && event.contains("\"agent_status_changed\"") && event.contains("\"BUSY\""),
                    String.valueOf(event));
            assertTrue(event.contains("\"seq\":1"), event);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void aLogoutOnOneMemberEndsTheSessionOnTheOtherWithinSeconds() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        String credential = login(PORT_A, "ann@" + organisation, organisation);

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + PORT_B
                + "/agent/ws?credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)),
                collector(frames, closedWith)).get(20, TimeUnit.SECONDS);
        try {
            String hello = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(hello != null && hello.contains("\"hello\""), String.valueOf(hello));
            assertEquals(200, me(PORT_B, credential).statusCode(), "member B knows the session before the logout");

            HttpResponse<String> logout = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_A
                    + "/agent/api/v1/session/logout")).header("Authorization", "Bearer " + credential)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, logout.statusCode(), logout.body());

            // Member B learns it on its next tick (every 3 s): its socket closes with 1008 and the credential is dead.
            assertEquals(1008, closedWith.get(15, TimeUnit.SECONDS));
            assertEquals(401, me(PORT_B, credential).statusCode());
            assertEquals(401, me(PORT_A, credential).statusCode());
        } finally {
            socket.abort();
        }
    }

    private static HttpResponse<String> me(int port, String credential) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/agent/api/v1/me"))
                .header("Authorization", "Bearer " + credential).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(int port, Path postBootCommands) throws IOException {
        Path target = Path.of("target");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + target.toAbsolutePath(),
                "-Dagent.auth.hmac-secret=" + SECRET,
                "-Dagent.auth.organisation-claim=org",
                "-Dagent.auth.auto-provision=true",
                "-Dagent.console.credential-key=" + CREDENTIAL_KEY,
                "-jar", target.resolve("payara-micro.jar").toString(),
                "--deploy", target.resolve("agent-micro.war").toString(), "--contextroot", "agent",
                "--port", String.valueOf(port), "--nohazelcast",
                "--addLibs", target.resolve("postgresql.jar").toString(),
                "--postbootcommandfile", postBootCommands.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(target.resolve("cluster-member-" + port + ".log").toFile())
                .start();
    }

    private static void awaitReady(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("agent-console-database")) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the member is still booting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("member on port " + port + " did not become ready; see target/cluster-member-"
                + port + ".log");
    }

    private static String login(int port, String username, String organisation) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(username).claim("org", organisation)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(Base64.getDecoder().decode(SECRET)));
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/agent/auth/login?accessToken=" + jwt.serialize())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private static WebSocket.Listener collector(BlockingQueue<String> frames) {
        return collector(frames, new CompletableFuture<>());
    }

    private static WebSocket.Listener collector(BlockingQueue<String> frames, CompletableFuture<Integer> closedWith) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closedWith.complete(statusCode);
                return null;
            }

            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(text.toString());
                    text.setLength(0);
                }
                return WebSocket.Listener.super.onText(socket, data, last);
            }
        };
    }
}
