package dev.agentconsole.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Open-loop visitor load at each rate, at each socket count, against the console and against the bare baseline in
 * the same JVM. With S sockets, agents 1..S are AVAILABLE with one console each, and all threads are routed to them.
 */
final class LoadPhase {

    private final BenchOptions options;
    private final Fixture fixture;
    private final List<StepResult> results = new ArrayList<>();
    private double idleCpuPercent;

    LoadPhase(BenchOptions options, Fixture fixture) {
        this.options = options;
        this.fixture = fixture;
    }

    List<StepResult> run() throws InterruptedException {
        for (int sockets : options.socketCounts) {
            runAt(sockets);
        }
        return results;
    }

    private void runAt(int sockets) throws InterruptedException {
        List<BenchAgent> online = fixture.agents.subList(0, sockets);
        fixture.login(online, "AVAILABLE");
        List<VisitorApi.VisitorThread> threads = fixture.startThreads(options.threads, "load" + sockets);
        List<BenchAgent> assigned = new ArrayList<>();
        for (VisitorApi.VisitorThread thread : threads) {
            BenchAgent agent = thread.agentUid() == null ? null : fixture.agentsByUid.get(thread.agentUid());
            if (agent == null || agent.number > sockets) {
                throw new IllegalStateException("thread " + thread.uid() + " routed to " + thread.agentUid()
                        + ", not to one of the " + sockets + " online bench agents");
            }
            assigned.add(agent);
        }
        Log.line("%d sockets: %d threads routed to agents 1..%d", sockets, threads.size(), sockets);
        try (Consoles consoles = new Consoles(fixture.http); Consoles bare = new Consoles(fixture.http)) {
            consoles.open(online, agent -> Consoles.consolePath(agent), FrameSink.IGNORE);
            bare.open(online, Consoles::barePath, FrameSink.IGNORE);
            consoles.awaitHello(30_000);
            if (consoles.failedToOpen() + bare.failedToOpen() > 0) {
                throw new IllegalStateException("sockets failed to open: " + consoles.failedToOpen() + " console, "
                        + bare.failedToOpen() + " bare");
            }
            if (results.isEmpty()) {
                // JIT and pools warm up on both applications first; these figures are thrown away.
                step("console", sockets, 100, 5, consoles, consoleSender(threads));
                step("bare", sockets, 100, 5, bare, bareSender(assigned));
            }
            idleCpuPercent = idleCpuPercent();
            Log.line("  server CPU with %d+%d sockets open and no load: %.1f %% of a core", sockets, sockets,
                    idleCpuPercent);
            for (int rate : options.rates) {
                results.add(step("console", sockets, rate, options.stepSeconds, consoles, consoleSender(threads)));
                results.add(step("bare", sockets, rate, options.stepSeconds, bare, bareSender(assigned)));
                Log.line("  %s", results.get(results.size() - 2).row());
                Log.line("  %s", results.get(results.size() - 1).row());
            }
        }
        fixture.closeThreads(threads);
    }

    private MessageSender consoleSender(List<VisitorApi.VisitorThread> threads) {
        return (index, id) -> fixture.visitors.post(threads.get(index % threads.size()), id, "load message " + index);
    }

    /** The same message, as a frame shaped like the console's, to the socket of the agent that owns the thread. */
    private MessageSender bareSender(List<BenchAgent> assigned) {
        return (index, id) -> fixture.http.send("POST", "/bare/api/broadcast?to="
                + assigned.get(index % assigned.size()).number, null,
                "{\"type\":\"message_created\",\"data\":{\"message\":{\"clientMessageId\":" + Json.quote(id)
                        + ",\"content\":\"load message " + index + "\"}}}");
    }

    private double idleCpuPercent() throws InterruptedException {
        ServerProbe.awaitQuiet(fixture.server.pid(), 20);
        return ServerProbe.cpuPercentOver(fixture.server.pid(), 6000);
    }

    private interface MessageSender {
        CompletableFuture<HttpResponse<String>> send(int index, String clientMessageId);
    }

    private StepResult step(String target, int sockets, int rate, double seconds, Consoles streams,
            MessageSender sender) throws InterruptedException {
        ServerProbe.awaitQuiet(fixture.server.pid(), idleCpuPercent + 15);
        String prefix = target.charAt(0) + "-" + sockets + "-" + rate + "-" + System.nanoTime() + "-";
        int expected = (int) Math.round(rate * seconds);
        Deliveries deliveries = new Deliveries(expected);
        streams.sink(deliveries);
        long pid = fixture.server.pid();
        long cpuBefore = ServerProbe.cpuMillis(pid);
        long windowStart = System.nanoTime();
        OpenLoop.Run run = OpenLoop.run(rate, seconds, (index, due) -> {
            String id = prefix + index;
            deliveries.expect(id, due);
            return sender.send(index, id).whenComplete((response, failure) ->
                    deliveries.answered(id, deliveries.outcomes.record(response, failure)));
        });
        deliveries.drain(10_000);
        long cpu = ServerProbe.cpuMillis(pid) - cpuBefore;
        double window = (System.nanoTime() - windowStart) / 1e9;
        streams.sink(FrameSink.IGNORE);
        if (!deliveries.outcomes.samples().isEmpty()) {
            Log.line("  %s errors, first of each kind: %s", target, deliveries.outcomes.samples());
        }
        double deliverySeconds = deliveries.delivered() == 0 ? 0
                : (deliveries.lastArrivalNanos() - run.startNanos()) / 1e9;
        return new StepResult(target, sockets, rate, run.sent(), run.seconds(), deliveries.delivered(),
                deliverySeconds, deliveries.percentiles(), deliveries.outcomes.errors(), deliveries.missing(), cpu,
                window, idleCpuPercent);
    }
}
