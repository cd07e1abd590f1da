package dev.agentconsole.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro with the console's Micro WAR at /agent and the bare broadcast baseline at /bare, on its own root
 * directory (so the embedded database lives there too), started and killed by the driver so it can read the
 * process's CPU time and heap.
 */
final class MicroServer {

    /** The demo token secret from run.sh: the original product's published development default. */
    static final String TOKEN_SECRET = "1dfaf8d004207b628a9a6b859c429f49a9a7ead9fd8161c1e60847aeef06dbd2";
    /** Fixed, so console credentials and visitor tokens stay valid across the kill -9 restart. */
    private static final String CREDENTIAL_KEY = "YmVuY2gtY3JlZGVudGlhbC1rZXktMzItYnl0ZXMtbG9uZyEh";

    private final Path repo;
    private final Path rootDir;
    private final Path log;
    private final int port;
    private final String heap;
    private final boolean postgres;
    private final int agents;
    private final Clustering clustering;
    private Process process;

    /**
     * A member of a cluster formed through Payara's data grid on 127.0.0.1 (TCP/IP discovery): its own grid port
     * and every member's, under a cluster name of the run's own.
     */
    record Clustering(String name, int gridPort, List<Integer> gridPorts) {
        List<String> microOptions() {
            return List.of("--clustername", name, "--interfaces", "127.0.0.1", "--startport", String.valueOf(gridPort),
                    "--clustermode", "tcpip:" + String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList()));
        }
    }

    MicroServer(Path repo, String name, int port, String heap, boolean postgres, int agents) {
        this(repo, name, port, heap, postgres, agents, null);
    }

    MicroServer(Path repo, String name, int port, String heap, boolean postgres, int agents, Clustering clustering) {
        this.clustering = clustering;
        this.repo = repo;
        this.rootDir = repo.resolve("agent-bench/target/micro-" + name);
        this.log = repo.resolve("agent-bench/target/micro-" + name + ".log");
        this.port = port;
        this.heap = heap;
        this.postgres = postgres;
        this.agents = agents;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Starts on an empty root directory and (PostgreSQL) an empty database. */
    void startFresh() throws IOException, InterruptedException {
        deleteTree(rootDir);
        Files.deleteIfExists(log);
        if (postgres) {
            Postgres.recreate();
        }
        start();
    }

    /** Starts on an empty root directory and the database as it is: a further member of a cluster. */
    void startJoining() throws IOException, InterruptedException {
        deleteTree(rootDir);
        Files.deleteIfExists(log);
        start();
    }

    /** Starts on whatever the root directory and database hold (the restart after kill -9). */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(rootDir);
        long bootsBefore = readyLines();
        // The same H2 statement cache as ./run.sh gives the embedded database (see README, PostgreSQL).
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-Xss512k", "-Dh2.queryCacheSize=64",
                "-Djava.io.tmpdir=" + rootDir,
                "-Dagent.demo.seed=true",
                "-Dagent.demo.scale.agents=" + agents,
                "-Dagent.auth.hmac-secret=" + TOKEN_SECRET,
                "-Dagent.auth.default-organisation=demo",
                "-Dagent.console.credential-key=" + CREDENTIAL_KEY,
                // The driver is one client posting at a script's rate on purpose: no visitor limits (0 = none).
                "-Dagent.visitor.rate.threads-per-minute=0", "-Dagent.visitor.rate.messages-per-minute=0",
                "-Dagent.visitor.rate.token-threads-per-minute=0", "-Dagent.visitor.rate.token-messages-per-minute=0",
                "-Dagent.visitor.queue-cap=1000000"));
        Path web = repo.resolve("agent-web/target");
        command.addAll(List.of("-jar", web.resolve("payara-micro.jar").toString(),
                "--deploy", web.resolve("agent-micro.war").toString(), "--contextroot", "agent",
                "--deploy", repo.resolve("agent-bench/bare-broadcast/target/bare-broadcast.war") + ":/bare",
                "--port", String.valueOf(port), "--rootdir", rootDir.resolve("micro").toString()));
        command.addAll(clustering == null ? List.of("--nohazelcast") : clustering.microOptions());
        if (postgres) {
            Path commands = rootDir.resolve("postgres.asadmin");
            Files.writeString(commands, "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds."
                    + "PGSimpleDataSource --restype=javax.sql.DataSource --statementcachesize=64 --property=serverName=" + Postgres.HOST
                    + ":portNumber=" + Postgres.PORT + ":databaseName=" + Postgres.DATABASE + ":user=" + Postgres.USER
                    + ":password=postgres agent-console-pool\n"
                    // The application uses the default data source; on Micro (one application) it is pointed here.
                    + "set resources.jdbc-resource.jdbc/__default.pool-name=agent-console-pool\n");
            command.addAll(List.of("--addLibs", web.resolve("postgresql.jar").toString(),
                    "--postbootcommandfile", commands.toString()));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // A driver stopped with Ctrl-C or kill must not leave its server running.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        waitUntilReady(bootsBefore);
    }

    /**
     * Ready means Micro logged "ready" for this boot, both applications answer and the bench agents are seeded (their
     * workgroups exist). The log line matters on a restart: Micro first brings back the applications deployed in the
     * root directory, answers for a few seconds, then undeploys them again to deploy the --deploy archives.
     */
    private void waitUntilReady(long bootsBefore) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            if (readyLines() > bootsBefore
                    && status(client, HttpRequest.newBuilder(base().resolve("/agent/api/v1/visitor/workgroups/wg-bench-01"))
                    .GET()) == 200
                    && status(client, HttpRequest.newBuilder(base().resolve("/bare/api/broadcast?to=none"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))) == 201) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro not ready within 5 minutes; see " + log);
    }

    private static int status(HttpClient client, HttpRequest.Builder request) throws InterruptedException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();   // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    private long readyLines() {
        try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("Payara Micro") && line.contains(" ready in ")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** Whether the server log has this text (the grid's membership is only visible there). */
    boolean logged(String text) {
        try {
            return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** SEVERE lines in the server log: failed deployments still print "ready", so the report shows these. */
    long severeLines() {
        try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("SEVERE")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
