package dev.agentconsole.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Entry point of ./bench.sh: runs the selected phases, each on its own fresh server, and writes the report. */
public final class Bench {

    private final BenchOptions options;
    private final Report report;

    private Bench(BenchOptions options) {
        this.options = options;
        this.report = new Report(options.report);
    }

    public static void main(String[] args) throws Exception {
        // Drop idle pooled connections before the server's 30 s keep-alive timeout does: a POST sent on a connection
        // the server is closing fails ("header parser received no bytes") and is not retried by the client.
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        BenchOptions options = BenchOptions.parse(args);
        if (options.postgres && !Postgres.available()) {
            throw new IllegalStateException("PostgreSQL at " + Postgres.HOST + ":" + Postgres.PORT + " is not reachable");
        }
        new Bench(options).run();
        System.exit(0);   // JDK HTTP client threads would otherwise keep the JVM up a while
    }

    private void run() throws Exception {
        report.section("machine", "## Machine and run\n\n- machine: " + Machine.describe() + "\n- last run: "
                + Report.now() + ", `" + options.commandLine + "`, phases " + options.phases + ", load average before: "
                + Machine.loadAverage() + "\n");
        if (options.runs("load") || options.runs("hot")) {
            phase("load", "512m", options.postgres, options.agents, this::loadAndHot);
        }
        if (options.runs("idle")) {
            phase("idle", "1g", options.postgres, options.agents, this::idle);
        }
        if (options.runs("kill")) {
            List<Boolean> databases = new ArrayList<>();
            if (!options.postgres && !options.quick) {
                databases.add(false);
            }
            if (options.postgres || !options.quick) {
                if (Postgres.available()) {
                    databases.add(true);
                } else {
                    Log.line("PostgreSQL not reachable: kill check on H2 only");
                }
            }
            if (databases.isEmpty()) {
                databases.add(false);
            }
            List<KillPhase.Result> results = new ArrayList<>();
            for (boolean postgres : databases) {
                phase("kill-" + (postgres ? "postgres" : "h2"), "512m", postgres, options.killAgents,
                        fixture -> results.add(new KillPhase(options, fixture, postgres ? "PostgreSQL" : "H2").run()));
            }
            report.section("kill", killSection(results));
        }
        if (options.runs("cluster")) {
            if (Postgres.available()) {
                cluster();
            } else {
                Log.line("PostgreSQL not reachable: no cluster phase (members share a database)");
            }
        }
    }

    private void cluster() throws IOException {
        String loadBefore = Machine.loadAverage();
        Log.line("phase cluster: two clustered Payara Micro members on ports %d and %d (PostgreSQL)", options.port,
                options.port + 1);
        try {
            ClusterPhase.Result result = new ClusterPhase(options).run();
            List<List<String>> rows = result.steps().stream().map(step -> List.of(
                    step.rate() == 0 ? "one at a time" : String.valueOf(step.rate()),
                    String.valueOf(step.sent()), Report.ms(step.local()[0]), Report.ms(step.local()[2]),
                    Report.ms(step.local()[3]), String.valueOf(step.localMissing()), Report.ms(step.remote()[0]),
                    Report.ms(step.remote()[1]), Report.ms(step.remote()[2]), Report.ms(step.remote()[3]),
                    String.valueOf(step.remoteMissing()), step.errors())).toList();
            report.section("cluster", "## Cross-member latency (cluster bus)\n\n_" + Report.now() + ", `"
                    + options.commandLine + "`, load average before " + loadBefore + ", after "
                    + Machine.loadAverage() + "_\n\nTwo Payara Micro members (`--clustermode tcpip` on 127.0.0.1, "
                    + "-Xmx512m each) share one PostgreSQL database, with the driver on the same 2 cores. "
                    + result.consoles() + " agents AVAILABLE, each with one console on member A and one on member B; "
                    + result.threads() + " visitor threads; visitor messages posted through member A, first one at a time "
                    + "(each when the previous one has reached both consoles: what the bus adds, without queueing), "
                    + "then at each rate for " + options.stepSeconds + " s, open loop. Latency from the time a POST was due to its "
                    + "`message_created` frame: on A it is pushed after commit, on B it arrives through the cluster "
                    + "bus (Payara's Hazelcast topic). Without the bus, B's consoles got it from the catch-up every "
                    + "3 s (0–3 s, ~1.5 s on average). \"missing\": no frame within 10 s after the last send.\n\n"
                    + Report.table(List.of("rate/s", "sent", "A p50 ms", "A p99 ms", "A max ms", "A missing",
                            "B p50 ms", "B p95 ms", "B p99 ms", "B max ms", "B missing", "errors"), rows));
            report.remove("cluster-failure");
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            String message = String.valueOf(failure).replace('`', '\'');
            report.section("cluster-failure", "### Phase cluster failed (" + Report.now() + ")\n\n`"
                    + message.substring(0, Math.min(message.length(), 300)) + "`; server logs: "
                    + "`agent-bench/target/micro-cluster-a.log`, `agent-bench/target/micro-cluster-b.log`\n");
        }
    }

    private interface PhaseBody {
        void run(Fixture fixture) throws Exception;
    }

    private void phase(String name, String heap, boolean postgres, int agents, PhaseBody body) throws Exception {
        MicroServer server = new MicroServer(options.repo, name, options.port, heap, postgres, agents);
        Log.line("phase %s: starting Payara Micro on port %d (%s, -Xmx%s, %d agents)", name, options.port,
                postgres ? "PostgreSQL" : "embedded H2", heap, agents);
        try {
            server.startFresh();
            body.run(new Fixture(server, agents));
            report.remove(name + "-failure");
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            String message = String.valueOf(failure).replace('`', '\'');
            report.section(name + "-failure", "### Phase " + name + " failed (" + Report.now() + ")\n\n`"
                    + message.substring(0, Math.min(message.length(), 300)) + "`; server log: `"
                    + options.repo.relativize(server.log()) + "`\n");
        } finally {
            server.stop();
        }
    }

    private String runLine(Fixture fixture, String loadBefore) {
        return "_" + Report.now() + ", `" + options.commandLine + "`, database " + options.database()
                + ", load average before " + loadBefore + ", after " + Machine.loadAverage()
                + ", SEVERE lines in server log: " + fixture.server.severeLines() + "_\n\n";
    }

    private void loadAndHot(Fixture fixture) throws Exception {
        if (options.runs("load")) {
            String loadBefore = Machine.loadAverage();
            List<StepResult> steps = new LoadPhase(options, fixture).run();
            report.section("load", loadSection(fixture, loadBefore, steps));
        }
        if (options.runs("hot")) {
            String loadBefore = Machine.loadAverage();
            HotThreadPhase.Result hot = new HotThreadPhase(fixture).run();
            report.section("hot", "## Hot thread\n\n" + runLine(fixture, loadBefore) + HotThreadPhase.EACH_SIDE
                    + " visitor posts and " + HotThreadPhase.EACH_SIDE + " agent replies sent at once into one thread;"
                    + " latency to the agent console's `message_created` frame.\n\n"
                    + Report.table(List.of("sent", "all answered after ms", "p50 ms", "p95 ms", "p99 ms", "max ms",
                            "errors", "no frame", "stored (distinct)", "not stored", "stored twice"),
                    List.of(List.of(String.valueOf(hot.sent()), String.format("%.0f", hot.wallMillis()),
                            Report.ms(hot.latencyMs()[0]), Report.ms(hot.latencyMs()[1]),
                            Report.ms(hot.latencyMs()[2]), Report.ms(hot.latencyMs()[3]), hot.errors(),
                            String.valueOf(hot.missing()), String.valueOf(hot.stored()), String.valueOf(hot.lost()),
                            String.valueOf(hot.doubled())))));
        }
    }

    private String loadSection(Fixture fixture, String loadBefore, List<StepResult> steps) {
        List<List<String>> rows = steps.stream().map(StepResult::row).toList();
        List<List<String>> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i += 2) {
            StepResult console = steps.get(i);
            StepResult bare = steps.get(i + 1);
            ratios.add(List.of(String.valueOf(console.sockets()), String.valueOf(console.rate()),
                    ratio(console.achievedRate(), bare.achievedRate()), ratio(console.latencyMs()[2], bare.latencyMs()[2]),
                    ratio(console.netCpuMillisPerMessage(), bare.netCpuMillisPerMessage())));
        }
        return "## Visitor message load\n\n" + runLine(fixture, loadBefore) + options.threads + " visitor threads, "
                + "round-robin over 10 workgroups, routed to the agents that have a socket open (one console each); "
                + options.stepSeconds + " s per step, open loop. `bare` is the baseline WAR in the same JVM: the same "
                + "POST rate, each body pushed to the socket of the agent that owns the thread. \"no frame\": answered "
                + "2xx but no `message_created` within 10 s after the last send. Errors: HTTP status kinds, `timeout` "
                + "(30 s), `conn-error`. Server CPU is the whole Micro JVM (both applications, GC, JIT) from the start "
                + "of the step until the last frame; \"net of idle\" subtracts what the JVM used with the same sockets "
                + "open and no load (measured before the rates at each socket count). A 5 s warm-up at 100/s on both "
                + "targets precedes the first step.\n\n" + Report.table(StepResult.header(), rows)
                + "\nConsole relative to bare (same run, same sockets, same rate):\n\n"
                + Report.table(List.of("sockets", "rate/s", "achieved rate ratio", "p99 ratio", "net CPU/msg ratio"), ratios);
    }

    private static String ratio(double a, double b) {
        return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format("%.2f", a / b);
    }

    private void idle(Fixture fixture) throws Exception {
        String loadBefore = Machine.loadAverage();
        List<IdlePhase.Level> levels = new IdlePhase(options, fixture).run();
        List<List<String>> rows = levels.stream().map(level -> List.of(String.valueOf(level.requested()),
                String.valueOf(level.open()), String.valueOf(level.failed()), String.format("%.0f", level.heapMb()),
                String.format("%.1f", level.cpuPercent()), level.dbPerSecond())).toList();
        report.section("idle", "## Idle consoles\n\n" + runLine(fixture, loadBefore) + "Server -Xmx1g; "
                + fixture.agents.size() + " agents AVAILABLE, consoles spread over them; each level measured after 5 s "
                + "of quiet over " + options.idleSeconds + " s. DB: committed + rolled-back transactions per second of the "
                + "bench database from `pg_stat_database` (pg_stat_statements is not loaded); not measured on H2.\n\n"
                + Report.table(List.of("consoles", "open", "failed to open", "heap after full GC MB",
                        "server CPU % of a core", "DB transactions/s"), rows));
    }

    private String killSection(List<KillPhase.Result> results) {
        List<List<String>> rows = results.stream().map(r -> List.of(r.database(), String.valueOf(r.sent()),
                String.valueOf(r.answered()), String.valueOf(r.unanswered()), String.valueOf(r.lost()),
                String.valueOf(r.doubled()), String.valueOf(r.storedUnanswered()), String.valueOf(r.framesMissedAtKill()),
                String.valueOf(r.framesReplayed()), String.valueOf(r.framesStillMissing()),
                r.retriedNew() + " / " + r.retriedDuplicate() + " (" + r.retryErrors() + ")",
                String.valueOf(r.lostAfterRetry()), String.valueOf(r.doubledAfterRetry()),
                String.valueOf(r.framesMissingAfterRetry()), String.format("%.0f", r.restartSeconds()))).toList();
        return "## kill -9 during load\n\n_" + Report.now() + ", `" + options.commandLine + "`, load average "
                + Machine.loadAverage() + "_\n\n" + options.killAgents + " agents with one console each, "
                + options.killThreads + " threads, " + options.killRate + " visitor messages/s for " + options.killSeconds
                + " s; half of the consoles disconnect 1.5 s before `kill -9` of Payara Micro at 40 % of that time; restart "
                + "on the same root directory and database. Then every console resumes with the last seq it saw per "
                + "stream (`cursors`, or `lastSeq` on a server without streams), stored messages are read back through the "
                + "visitor API, and the visitor retries every unanswered message with the same clientMessageId.\n\n"
                + Report.table(List.of("database", "sent", "answered 2xx", "unanswered", "2xx but not stored",
                        "stored twice", "stored, unanswered", "frames missed at kill", "replayed on resume",
                        "frames still missing", "retry 201 / 200", "not stored after retry", "twice after retry",
                        "no frame after retry", "restart until ready s"), rows);
    }
}
