package dev.agentconsole.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Cross-member latency: two Payara Micro members clustered through Payara's data grid share one PostgreSQL database;
 * visitor messages are posted through member A at fixed open-loop rates, and each assigned agent has one console on
 * A and one on B. The console on A is pushed after commit on A; the console on B gets the same event through the
 * cluster bus (before it, only the catch-up from the database every 3 s). Both are timed from the moment the POST was
 * due to the arrival of its {@code message_created} frame.
 */
final class ClusterPhase {

    /** One rate's figures: per console side p50, p95, p99, max (ms), and frames that never came. */
    record Step(int rate, int sent, double[] local, long localMissing, double[] remote, long remoteMissing,
            String errors) {
    }

    record Result(int consoles, int threads, List<Step> steps) {
    }

    private final BenchOptions options;

    ClusterPhase(BenchOptions options) {
        this.options = options;
    }

    Result run() throws Exception {
        int gridA = options.port + 20;
        List<Integer> gridPorts = List.of(gridA, gridA + 1);
        String name = "agent-bench-" + UUID.randomUUID();
        int agentCount = options.clusterConsoles;
        MicroServer a = new MicroServer(options.repo, "cluster-a", options.port, "512m", true, agentCount,
                new MicroServer.Clustering(name, gridA, gridPorts));
        MicroServer b = new MicroServer(options.repo, "cluster-b", options.port + 1, "512m", true, agentCount,
                new MicroServer.Clustering(name, gridA + 1, gridPorts));
        try {
            // One after the other: A creates the schema and the bench agents, B joins A's grid.
            a.startFresh();
            b.startJoining();
            awaitLogged(a, "DG Size: 2");
            awaitLogged(b, "DG Size: 2");
            for (MicroServer member : List.of(a, b)) {
                if (!member.logged("Cluster bus: Payara's Hazelcast topic")) {
                    throw new IllegalStateException("no cluster bus on " + member.log());
                }
            }
            Log.line("cluster: two members joined, %d agents", agentCount);
            return measure(new Fixture(a, agentCount), new Fixture(b, agentCount));
        } finally {
            b.stop();
            a.stop();
        }
    }

    private Result measure(Fixture a, Fixture b) throws InterruptedException {
        a.login(a.agents, "AVAILABLE");
        List<VisitorApi.VisitorThread> threads = a.startThreads(options.clusterConsoles * 2, "cluster");
        List<Step> steps = new ArrayList<>();
        try (Consoles onA = new Consoles(a.http); Consoles onB = new Consoles(b.http)) {
            onA.open(a.agents, Consoles::consolePath, FrameSink.IGNORE);
            onB.open(a.agents, Consoles::consolePath, FrameSink.IGNORE);
            onA.awaitHello(30_000);
            onB.awaitHello(30_000);
            if (onA.failedToOpen() + onB.failedToOpen() > 0) {
                throw new IllegalStateException("sockets failed to open: " + onA.failedToOpen() + " on A, "
                        + onB.failedToOpen() + " on B");
            }
            // Warm-up (JIT, pools, the grid's connections); thrown away.
            step(a, threads, onA, onB, 20, 10);
            Step alone = oneAtATime(a, threads, onA, onB, options.clusterRounds);
            steps.add(alone);
            Log.line("  cluster one at a time: console on A p50 %.1f p99 %.1f ms; on B p50 %.1f p99 %.1f ms",
                    alone.local()[0], alone.local()[2], alone.remote()[0], alone.remote()[2]);
            for (int rate : options.clusterRates) {
                Step step = step(a, threads, onA, onB, rate, options.stepSeconds);
                steps.add(step);
                Log.line("  cluster %d/s: console on A p50 %.1f p99 %.1f ms; on B p50 %.1f p99 %.1f ms; missing %d/%d",
                        rate, step.local()[0], step.local()[2], step.remote()[0], step.remote()[2],
                        step.localMissing(), step.remoteMissing());
            }
        }
        a.closeThreads(threads);
        return new Result(options.clusterConsoles, threads.size(), steps);
    }

    /**
     * Each message posted when the previous one has reached both consoles: no queueing behind other messages, so
     * B's figures minus A's are what the bus adds.
     */
    private Step oneAtATime(Fixture a, List<VisitorApi.VisitorThread> threads, Consoles onA, Consoles onB,
            int rounds) throws InterruptedException {
        Deliveries local = new Deliveries(rounds);
        Deliveries remote = new Deliveries(rounds);
        onA.sink(local);
        onB.sink(remote);
        String prefix = "c-1-" + System.nanoTime() + "-";
        for (int index = 0; index < rounds; index++) {
            String id = prefix + index;
            long sent = System.nanoTime();
            local.expect(id, sent);
            remote.expect(id, sent);
            HttpResponse<String> response = null;
            Throwable failure = null;
            try {
                response = a.visitors.post(threads.get(index % threads.size()), id, "cluster message " + index).join();
            } catch (CompletionException e) {
                failure = e;
            }
            boolean ok = local.outcomes.record(response, failure);
            local.answered(id, ok);
            remote.answered(id, ok);
            local.drain(5_000);
            remote.drain(5_000);
        }
        onA.sink(FrameSink.IGNORE);
        onB.sink(FrameSink.IGNORE);
        return new Step(0, rounds, local.percentiles(), local.missing(), remote.percentiles(), remote.missing(),
                local.outcomes.errors());
    }

    private Step step(Fixture a, List<VisitorApi.VisitorThread> threads, Consoles onA, Consoles onB, int rate,
            double seconds) throws InterruptedException {
        int expected = (int) Math.round(rate * seconds);
        Deliveries local = new Deliveries(expected);
        Deliveries remote = new Deliveries(expected);
        onA.sink(local);
        onB.sink(remote);
        String prefix = "c-" + rate + "-" + System.nanoTime() + "-";
        OpenLoop.Run run = OpenLoop.run(rate, seconds, (index, due) -> {
            String id = prefix + index;
            local.expect(id, due);
            remote.expect(id, due);
            return a.visitors.post(threads.get(index % threads.size()), id, "cluster message " + index)
                    .whenComplete((response, failure) -> {
                        boolean ok = local.outcomes.record(response, failure);
                        local.answered(id, ok);
                        remote.answered(id, ok);
                    });
        });
        local.drain(10_000);
        remote.drain(10_000);
        onA.sink(FrameSink.IGNORE);
        onB.sink(FrameSink.IGNORE);
        return new Step(rate, run.sent(), local.percentiles(), local.missing(), remote.percentiles(), remote.missing(),
                local.outcomes.errors());
    }

    private static void awaitLogged(MicroServer member, String text) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (!member.logged(text)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("no \"" + text + "\" in " + member.log());
            }
            Thread.sleep(200);
        }
    }
}
