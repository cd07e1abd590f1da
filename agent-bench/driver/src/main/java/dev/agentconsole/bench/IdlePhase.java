package dev.agentconsole.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Idle consoles: open sockets in steps (spread over all agents, several per agent) and measure what merely being
 * connected costs: heap after a full GC, CPU over a quiet window, and database transactions per second (the console
 * catch-up check runs every 3 s per console). The driver pings every 25 s, as real consoles do.
 */
final class IdlePhase {

    record Level(int requested, long open, int failed, double heapMb, double cpuPercent, String dbPerSecond) {
    }

    private final BenchOptions options;
    private final Fixture fixture;

    IdlePhase(BenchOptions options, Fixture fixture) {
        this.options = options;
        this.fixture = fixture;
    }

    List<Level> run() throws InterruptedException {
        fixture.login(fixture.agents, "AVAILABLE");
        List<Level> levels = new ArrayList<>();
        try (Consoles consoles = new Consoles(fixture.http)) {
            int opened = 0;
            for (int level : options.idleConsoles) {
                List<BenchAgent> more = new ArrayList<>();
                for (int k = opened; k < level; k++) {
                    more.add(fixture.agents.get(k % fixture.agents.size()));
                }
                consoles.open(more, agent -> Consoles.consolePath(agent), FrameSink.IGNORE);
                opened = level;
                Thread.sleep(5_000);   // the connection storm is over; measure the quiet state
                ServerProbe.awaitQuiet(fixture.server.pid(), 20);
                levels.add(measure(level, consoles));
                Level measured = levels.get(levels.size() - 1);
                Log.line("idle: %d consoles open, heap %.0f MB, CPU %.1f %%, DB %s/s; closed: %s", measured.open(),
                        measured.heapMb(), measured.cpuPercent(), measured.dbPerSecond(), consoles.closeReasons());
            }
        }
        return levels;
    }

    private Level measure(int requested, Consoles consoles) throws InterruptedException {
        long pid = fixture.server.pid();
        double heap = ServerProbe.heapAfterFullGcMb(pid);
        long cpuBefore = ServerProbe.cpuMillis(pid);
        long dbBefore = options.postgres ? Postgres.transactions() : 0;
        long start = System.nanoTime();
        Thread.sleep(options.idleSeconds * 1000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = ServerProbe.cpuMillis(pid) - cpuBefore;
        String db = options.postgres
                ? String.format("%.1f", (Postgres.transactions() - dbBefore) / seconds)
                : "n/a (H2)";
        return new Level(requested, consoles.openCount(), consoles.failedToOpen(), heap, cpu / 10.0 / seconds, db);
    }
}
