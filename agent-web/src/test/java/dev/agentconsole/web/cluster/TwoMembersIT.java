package dev.agentconsole.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro members clustered through Payara's data grid (Hazelcast, TCP/IP on 127.0.0.1), behind a load
 * balancer, sharing one PostgreSQL database of their own: a change committed through one member reaches consoles on
 * the other through the cluster bus, well before the catch-up from the database (set to a minute here, so only the
 * bus can be that fast); a logout on one member closes the session's sockets on the other; a credential from one
 * works on the other; and visitor threads started concurrently through both members never give an agent more
 * threads than its capacity.
 */
class TwoMembersIT {

    private static final int PORT_A = Integer.getInteger("agent.it.clusterPort", 28281);
    private static final int PORT_B = PORT_A + 1;
    /** Payara's data grid ports of the two members. */
    private static final int GRID_A = PORT_A + 20;
    private static final int GRID_B = GRID_A + 1;
    /** The members' own database, created afresh for each run, so the demo organisation starts known. */
    private static final String DATABASE = "agent_cluster_it";
    /** Well under the catch-up interval the members run with ({@value #CATCH_UP}). */
    private static final Duration BUS_DEADLINE = Duration.ofMillis(1500);
    private static final String CATCH_UP = "PT60S";
    private static final String SECRET = System.getProperty("agent.it.hmacSecret");
    private static final String CREDENTIAL_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');

    private static final List<Process> members = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();


    @BeforeAll
    static void startMembers() throws Exception {
        Path postboot = freshDatabase();
        String clusterName = "agent-it-" + UUID.randomUUID();
        // One after the other: the first creates the schema and seeds the demo organisation, the second joins its grid.
        members.add(start(PORT_A, GRID_A, clusterName, postboot, true));
        awaitReady(PORT_A);
        members.add(start(PORT_B, GRID_B, clusterName, postboot, false));
        awaitReady(PORT_B);
        awaitLog(PORT_A, "DG Size: 2");
        awaitLog(PORT_B, "DG Size: 2");
        awaitLog(PORT_A, "Cluster bus: Payara's Hazelcast topic");
        awaitLog(PORT_B, "Cluster bus: Payara's Hazelcast topic");
    }

    /** Drops and creates the members' database; answers the post-boot commands that point their pool at it. */
    private static Path freshDatabase() throws Exception {
        Path template = Path.of("target", "test-classes", "postgres-postboot.asadmin");
        String commands = Files.readString(template);
        Matcher database = Pattern.compile("databaseName=([^:\\s]+)").matcher(commands);
        assertTrue(database.find(), commands);
        String url = "jdbc:postgresql://" + property(commands, "serverName") + ":" + property(commands, "portNumber")
                + "/" + database.group(1);
        try (Connection connection = DriverManager.getConnection(url, property(commands, "user"),
                property(commands, "password")); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Path postboot = Path.of("target", "cluster-postboot.asadmin");
        Files.writeString(postboot, database.replaceFirst("databaseName=" + DATABASE));
        return postboot;
    }

    private static String property(String commands, String name) {
        Matcher value = Pattern.compile(name + "=([^:\\s]+)").matcher(commands);
        assertTrue(value.find(), name + " in " + commands);
        return value.group(1);
    }

    @Test
    void theSchemaComesFromTheMigrationsEachVersionAppliedOnce() throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection connection = connect(DATABASE); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        assertEquals(versionsInRepository(Path.of("..", "agent-ejb", "src", "main", "resources", "db", "migration",
                "postgresql")), applied);
    }

    /** The versions of the PostgreSQL migrations in the repository, in order: what a database must end up with. */
    static List<String> versionsInRepository(java.nio.file.Path directory) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .collect(java.util.stream.Collectors.toList());
        }
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
    void aChangeThroughOneMemberReachesAConsoleOnTheOtherThroughTheBus() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        String credential = login(PORT_A, "ann@" + organisation, organisation);

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + PORT_A
                + "/agent/ws?credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)), collector(frames))
                .get(20, TimeUnit.SECONDS);
        try {
            String hello = frames.poll(20, TimeUnit.SECONDS);
            assertTrue(hello != null && hello.contains("\"hello\""), String.valueOf(hello));

            long sent = System.nanoTime();
            HttpResponse<String> busy = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_B
                    + "/agent/api/v1/me/status")).header("Authorization", "Bearer " + credential)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"BUSY\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, busy.statusCode(), "member B accepts member A's credential: " + busy.body());

            String event = frames.poll(BUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            assertTrue(event != null && event.contains("\"agent_status_changed\"") && event.contains("\"BUSY\""),
                    "no event on member A within " + BUS_DEADLINE + " (the catch-up runs every " + CATCH_UP + "): "
                            + event);
            assertTrue(event.contains("\"seq\":1"), event);
            System.out.println("committed on B, on A's console after " + took.toMillis() + " ms");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void aLogoutOnOneMemberEndsTheSessionOnTheOtherAtOnce() throws Exception {
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

            // Member B learns it through the bus, not at its next database read a minute away: its socket closes
            // with 1008 and the credential is dead there too.
            assertEquals(1008, closedWith.get(BUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(401, me(PORT_B, credential).statusCode());
            assertEquals(401, me(PORT_A, credential).statusCode());
        } finally {
            socket.abort();
        }
    }

    /**
     * Status changes committed through member A, timed to their frames on a console on A and on a console on B
     * (the same agent's): B's delay over A's is what the bus adds. Written to {@code target/cluster-latency.txt}.
     */
    @Test
    void crossMemberLatencyStaysFarBelowTheCatchUp() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        String credential = login(PORT_A, "ann@" + organisation, organisation);
        BlockingQueue<String> onA = new LinkedBlockingQueue<>();
        BlockingQueue<String> onB = new LinkedBlockingQueue<>();
        WebSocket socketA = console(PORT_A, credential, onA);
        WebSocket socketB = console(PORT_B, credential, onB);
        int rounds = Integer.getInteger("agent.it.latencyRounds", 200);
        long[] local = new long[rounds];
        long[] remote = new long[rounds];
        try {
            for (int round = 0; round < rounds; round++) {
                String status = round % 2 == 0 ? "BUSY" : "AVAILABLE";
                long sent = System.nanoTime();
                assertEquals(200, setStatus(PORT_A, credential, status).statusCode());
                local[round] = awaitSeq(onA, round + 1, sent);
                remote[round] = awaitSeq(onB, round + 1, sent);
            }
        } finally {
            socketA.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            socketB.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        String report = String.format("cross-member event latency over %d status changes committed on A (ms, from"
                + " the request to the frame): console on A p50 %.1f p99 %.1f max %.1f; console on B p50 %.1f p99"
                + " %.1f max %.1f%n", rounds, percentile(local, 50), percentile(local, 99), percentile(local, 100),
                percentile(remote, 50), percentile(remote, 99), percentile(remote, 100));
        System.out.print(report);
        Files.writeString(Path.of("target", "cluster-latency.txt"), report);
        assertTrue(percentile(remote, 99) < BUS_DEADLINE.toMillis(), report);
    }

    @Test
    void anAgentsAnswerThroughOneMemberReachesTheVisitorPageOnTheOther() throws Exception {
        // Demo organisation: bob is AVAILABLE in wg-sales (alice, the other member, stays OFFLINE), so he gets it.
        String bob = login(PORT_A, "bob@example.com", "demo");
        assertEquals(200, setStatus(PORT_A, bob, "AVAILABLE").statusCode());
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_B
                + "/agent/api/v1/visitor/threads")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workgroupUid\":\"wg-sales\",\"nickname\":\"Vic\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        JsonObject start;
        try (JsonReader reader = Json.createReader(new StringReader(started.body()))) {
            start = reader.readObject();
        }
        String threadUid = start.getJsonObject("thread").getString("uid");

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket page = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + PORT_B
                + "/agent/visitor/ws?thread=" + threadUid + "&token="
                + URLEncoder.encode(start.getString("visitorToken"), StandardCharsets.UTF_8)), collector(frames))
                .get(20, TimeUnit.SECONDS);
        try {
            // The answer to a ping proves the page is registered on B before anything is committed on A.
            page.sendText("{\"type\":\"ping\"}", true).get(10, TimeUnit.SECONDS);
            assertEquals("{\"type\":\"pong\"}", frames.poll(10, TimeUnit.SECONDS));

            assertEquals(200, post(PORT_A, bob, "/agent/api/v1/threads/" + threadUid + "/accept", null).statusCode());
            String accepted = frames.poll(BUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(accepted != null && accepted.contains("\"thread_status_changed\""), String.valueOf(accepted));

            assertEquals(201, post(PORT_A, bob, "/agent/api/v1/threads/" + threadUid + "/messages",
                    "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"content\":\"Hello from A\"}")
                    .statusCode());
            String answer = frames.poll(BUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(answer != null && answer.contains("\"message_created\"") && answer.contains("Hello from A"),
                    "the visitor page on B hears the answer given on A: " + answer);
        } finally {
            page.abort();
        }
    }

    private static HttpResponse<String> post(int port, String credential, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void visitorThreadsStartedThroughBothMembersNeverExceedAnAgentsCapacity() throws Exception {
        // Demo organisation: carol (capacity 3) is the only member of wg-support besides alice, who stays OFFLINE.
        String carol = login(PORT_B, "carol@example.com", "demo");
        assertEquals(200, setStatus(PORT_B, carol, "AVAILABLE").statusCode());
        int starts = 12;
        List<CompletableFuture<HttpResponse<String>>> started = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            int port = i % 2 == 0 ? PORT_A : PORT_B;
            started.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/agent/api/v1/visitor/threads")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"workgroupUid\":\"wg-support\",\"nickname\":\"v"
                            + i + "\"}")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> start : started) {
            HttpResponse<String> answer = start.get(60, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.body());
        }
        JsonArray mine = threads(PORT_A, carol, "mine");
        JsonArray queued = threads(PORT_B, carol, "queued");
        assertEquals(3, mine.size(), "carol holds exactly her capacity: " + mine);
        assertEquals(starts - 3, queued.size(), "the rest wait in the queue: " + queued);
    }

    private static JsonArray threads(int port, String credential, String view) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/agent/api/v1/threads?view=" + view)).header("Authorization", "Bearer " + credential).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readArray();
        }
    }

    private static HttpResponse<String> setStatus(int port, String credential, String status) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/agent/api/v1/me/status"))
                .header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocket console(int port, String credential, BlockingQueue<String> frames) throws Exception {
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/agent/ws?credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)), collector(frames))
                .get(20, TimeUnit.SECONDS);
        String hello = frames.poll(20, TimeUnit.SECONDS);
        assertTrue(hello != null && hello.contains("\"hello\""), String.valueOf(hello));
        return socket;
    }

    /** Nanoseconds from {@code sentNanos} to the frame with this sequence number (earlier ones are skipped). */
    private static long awaitSeq(BlockingQueue<String> frames, long seq, long sentNanos) throws Exception {
        String wanted = "\"seq\":" + seq + ",";
        while (true) {
            String frame = frames.poll(BUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(frame != null, "no frame " + seq + " within " + BUS_DEADLINE);
            if (frame.contains(wanted)) {
                return System.nanoTime() - sentNanos;
            }
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[index] / 1e6;
    }

    private static HttpResponse<String> me(int port, String credential) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/agent/api/v1/me"))
                .header("Authorization", "Bearer " + credential).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(int port, int gridPort, String clusterName, Path postboot, boolean seed)
            throws IOException {
        Path target = Path.of("target");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + target.toAbsolutePath(),
                "-Dagent.auth.hmac-secret=" + SECRET,
                "-Dagent.auth.organisation-claim=org",
                "-Dagent.auth.auto-provision=true",
                "-Dagent.console.credential-key=" + CREDENTIAL_KEY,
                "-Dagent.console.catch-up-interval=" + CATCH_UP,
                "-Dagent.demo.seed=" + seed,
                "-jar", target.resolve("payara-micro.jar").toString(),
                "--deploy", target.resolve("agent-micro.war").toString(), "--contextroot", "agent",
                "--port", String.valueOf(port),
                "--clustername", clusterName, "--interfaces", "127.0.0.1", "--startport", String.valueOf(gridPort),
                "--clustermode", "tcpip:127.0.0.1:" + GRID_A + ",127.0.0.1:" + GRID_B,
                "--addLibs", target.resolve("postgresql.jar").toString(),
                "--postbootcommandfile", postboot.toString());
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

    /** Waits for a line in a member's log (the grid's membership is not visible over HTTP). */
    private static void awaitLog(int port, String text) throws Exception {
        Path log = Path.of("target", "cluster-member-" + port + ".log");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no \"" + text + "\" in " + log);
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
