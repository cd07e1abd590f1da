package dev.agentconsole.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One thread under fire: visitor posts and agent replies all sent at once into the same thread, which makes every
 * message transaction collide on the thread's row and version. Checks that each is stored exactly once.
 */
final class HotThreadPhase {

    static final int EACH_SIDE = 60;

    record Result(int sent, double wallMillis, double[] latencyMs, String errors, long missing, int stored,
            int doubled, int lost) {
    }

    private final Fixture fixture;

    HotThreadPhase(Fixture fixture) {
        this.fixture = fixture;
    }

    Result run() throws InterruptedException {
        List<BenchAgent> online = fixture.agents.subList(0, Math.min(fixture.agents.size(), Fixture.WORKGROUPS));
        fixture.login(online, "AVAILABLE");
        VisitorApi.VisitorThread thread = fixture.startThreads(1, "hot").get(0);
        BenchAgent agent = fixture.agentsByUid.get(thread.agentUid());
        if (agent == null) {
            throw new IllegalStateException("hot thread not routed to a bench agent: " + thread.agentUid());
        }
        fixture.console.accept(agent, thread.uid()).join();
        Deliveries deliveries = new Deliveries(2 * EACH_SIDE);
        List<String> ids = new ArrayList<>();
        try (Consoles consoles = new Consoles(fixture.http)) {
            consoles.open(List.of(agent), a -> Consoles.consolePath(a), deliveries);
            consoles.awaitHello(30_000);
            List<CompletableFuture<?>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < EACH_SIDE; i++) {
                String visitorId = "hot-v-" + i;
                String agentId = "hot-a-" + i;
                ids.add(visitorId);
                ids.add(agentId);
                deliveries.expect(visitorId, System.nanoTime());
                answers.add(fixture.visitors.post(thread, visitorId, "visitor " + i).whenComplete((r, e) ->
                        deliveries.answered(visitorId, deliveries.outcomes.record(r, e))));
                deliveries.expect(agentId, System.nanoTime());
                answers.add(fixture.console.reply(agent, thread.uid(), agentId, "agent " + i).whenComplete((r, e) ->
                        deliveries.answered(agentId, deliveries.outcomes.record(r, e))));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
            double wall = (System.nanoTime() - start) / 1e6;
            deliveries.drain(10_000);
            Map<String, Integer> stored = fixture.visitors.storedCounts(thread);
            int doubled = (int) stored.values().stream().filter(count -> count > 1).count();
            int lost = (int) ids.stream().filter(id -> !stored.containsKey(id)).count();
            fixture.closeThreads(List.of(thread));
            return new Result(ids.size(), wall, deliveries.percentiles(), deliveries.outcomes.errors(),
                    deliveries.missing(), stored.size(), doubled, lost);
        }
    }
}
