package dev.agentconsole.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line: {@code [--quick] [--postgres] [--only load,hot,idle,kill,cluster] [--port N] [--report FILE]}. Quick is a
 * smoke run of every phase with small numbers; without it the figures are the ones BENCHMARKS.md reports.
 */
final class BenchOptions {

    static final List<String> PHASES = List.of("load", "hot", "idle", "kill", "cluster");

    final boolean quick;
    final boolean postgres;
    final Set<String> phases;
    final int port;
    final Path repo;
    final Path report;
    final String commandLine;

    // Sizes of the run (full / quick).
    final int agents;
    final int threads;
    final int[] socketCounts;
    final int[] rates;
    final double stepSeconds;
    final int[] idleConsoles;
    final int idleSeconds;
    final int killAgents = 50;
    final int killThreads = 100;
    final int killRate = 50;
    final double killSeconds;
    /** Cross-member phase: agents with a console on each member, and the visitor message rates. */
    final int clusterConsoles;
    final int[] clusterRates;
    final int clusterRounds;

    private BenchOptions(boolean quick, boolean postgres, Set<String> phases, int port, Path repo, Path report,
            String commandLine) {
        this.quick = quick;
        this.postgres = postgres;
        this.phases = phases;
        this.port = port;
        this.repo = repo;
        this.report = report;
        this.commandLine = commandLine;
        this.agents = quick ? 100 : 1000;
        this.threads = quick ? 200 : 1000;
        this.socketCounts = quick ? new int[] {30, 100} : new int[] {30, 300, 1000};
        this.rates = quick ? new int[] {50, 200} : new int[] {50, 200, 500, 1000};
        this.stepSeconds = quick ? 5 : 20;
        this.idleConsoles = quick ? new int[] {0, 100, 1000} : new int[] {0, 1000, 10000};
        this.idleSeconds = quick ? 10 : 30;
        this.killSeconds = quick ? 10 : 20;
        this.clusterConsoles = quick ? 20 : 100;
        this.clusterRates = quick ? new int[] {20, 50} : new int[] {50, 100, 200};
        this.clusterRounds = quick ? 200 : 1000;
    }

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        boolean postgres = false;
        Set<String> phases = new LinkedHashSet<>(PHASES);
        int port = 18080;
        Path repo = Path.of("").toAbsolutePath();
        Path report = null;
        StringBuilder shown = new StringBuilder("./bench.sh");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--repo")) {
                // bench.sh passes --repo itself; the report shows the command as a person types it.
                shown.append(' ').append(args[i]);
                if (args[i].equals("--only") || args[i].equals("--port") || args[i].equals("--report")) {
                    shown.append(' ').append(args[i + 1]);
                }
            }
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--postgres" -> postgres = true;
                case "--only" -> {
                    phases = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    if (!PHASES.containsAll(phases)) {
                        throw new IllegalArgumentException("--only takes some of " + PHASES + ", got " + phases);
                    }
                }
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                case "--report" -> report = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use [--quick] [--postgres] [--only load,hot,idle,kill,cluster] [--port N] [--report FILE]");
            }
        }
        if (report == null) {
            // A smoke run must not replace the figures of a full run.
            report = quick ? repo.resolve("agent-bench/target/BENCHMARKS-quick.md") : repo.resolve("BENCHMARKS.md");
        }
        return new BenchOptions(quick, postgres, phases, port, repo, report, shown.toString());
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    String database() {
        return postgres ? "PostgreSQL" : "embedded H2";
    }
}
