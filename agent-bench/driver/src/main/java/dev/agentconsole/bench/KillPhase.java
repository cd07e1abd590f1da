package dev.agentconsole.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * kill -9 in the middle of a visitor load, restart on the same root directory and database, then check the promises:
 * every message answered 2xx is stored exactly once, consoles that resume with their last seq get the
 * message_created frames they missed, and a visitor retrying the unanswered messages (same clientMessageId) ends with
 * each message stored once.
 */
final class KillPhase {

    record Result(String database, int sent, long answered, long unanswered, long lost, long doubled,
            long storedUnanswered, long framesMissedAtKill, long framesReplayed, long framesStillMissing,
            long retriedNew, long retriedDuplicate, String retryErrors, long lostAfterRetry, long doubledAfterRetry,
            long framesMissingAfterRetry, long resumeRelogins, double restartSeconds) {
    }

    private final BenchOptions options;
    private final Fixture fixture;
    private final String database;

    KillPhase(BenchOptions options, Fixture fixture, String database) {
        this.options = options;
        this.fixture = fixture;
        this.database = database;
    }

    Result run() throws Exception {
        fixture.login(fixture.agents, "AVAILABLE");
        List<VisitorApi.VisitorThread> threads = fixture.startThreads(options.killThreads, "kill");
        Set<String> framesBefore = ConcurrentHashMap.newKeySet();
        Consoles consoles = new Consoles(fixture.http);
        consoles.open(fixture.agents, agent -> Consoles.consolePath(agent),
                (id, at) -> framesBefore.add(id));
        consoles.awaitHello(30_000);

        Map<String, VisitorApi.VisitorThread> threadOf = new ConcurrentHashMap<>();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Outcomes outcomes = new Outcomes();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(Http.daemon("bench-kill"));
        long killAt = (long) (options.killSeconds * 400);
        // Half the consoles drop out shortly before the crash, so their resume has something to replay.
        killer.schedule(() -> consoles.streams().stream().filter(stream -> stream.agent.number % 2 == 0)
                .forEach(ConsoleStream::close), killAt - 1500, TimeUnit.MILLISECONDS);
        killer.schedule(() -> {
            Log.line("kill -9 %d", fixture.server.pid());
            fixture.server.kill9();
            return null;
        }, killAt, TimeUnit.MILLISECONDS);
        OpenLoop.Run run = OpenLoop.run(options.killRate, options.killSeconds, (index, due) -> {
            String id = "kill-" + index;
            VisitorApi.VisitorThread thread = threads.get(index % threads.size());
            threadOf.put(id, thread);
            return fixture.visitors.post(thread, id, "kill check " + index).whenComplete((response, failure) -> {
                if (outcomes.record(response, failure)) {
                    answered.add(id);
                }
            });
        });
        killer.shutdown();
        killer.awaitTermination(60, TimeUnit.SECONDS);
        Map<BenchAgent, ConsoleStream> lastSeen = new HashMap<>();
        consoles.streams().forEach(stream -> lastSeen.put(stream.agent, stream));
        consoles.close();
        Log.line("kill check: %d sent, %d answered 2xx (%s); restarting on the same data", run.sent(),
                answered.size(), outcomes.errors());

        long restartBegan = System.nanoTime();
        fixture.server.start();
        double restartSeconds = (System.nanoTime() - restartBegan) / 1e9;
        fixture.connect();
        Set<String> framesAfter = ConcurrentHashMap.newKeySet();
        Consoles resumed = new Consoles(fixture.http);
        long relogins = resume(lastSeen, resumed, (id, at) -> framesAfter.add(id));
        Thread.sleep(5_000);

        Map<String, Integer> stored = storedCounts(threads);
        Set<String> sent = threadOf.keySet();
        long lost = answered.stream().filter(id -> stored.getOrDefault(id, 0) == 0).count();
        long doubled = sent.stream().filter(id -> stored.getOrDefault(id, 0) > 1).count();
        long storedUnanswered = sent.stream().filter(id -> !answered.contains(id) && stored.containsKey(id)).count();
        List<String> storedIds = sent.stream().filter(stored::containsKey).toList();
        long missedAtKill = storedIds.stream().filter(id -> !framesBefore.contains(id)).count();
        long replayed = storedIds.stream().filter(id -> !framesBefore.contains(id) && framesAfter.contains(id)).count();
        long stillMissing = missedAtKill - replayed;
        storedIds.stream().filter(id -> !framesBefore.contains(id) && !framesAfter.contains(id)).limit(10)
                .forEach(id -> {
                    BenchAgent agent = fixture.agentsByUid.get(threadOf.get(id).agentUid());
                    Log.line("  no frame for %s (thread %s, agent %s, %s, resumed with %s)", id,
                            threadOf.get(id).uid(), agent == null ? "?" : agent.number,
                            answered.contains(id) ? "answered 2xx" : "unanswered",
                            agent == null ? "?" : lastSeen.get(agent).cursors());
                });

        // The visitor's client retries what it never got an answer for, with the same clientMessageId, at the same
        // pace as before and again after a second for what was refused (503 overloaded asks for exactly that).
        Outcomes retry = new Outcomes();
        long[] newAndDuplicate = new long[2];
        List<String> unanswered = sent.stream().filter(id -> !answered.contains(id)).sorted().toList();
        for (int round = 0; round < 5 && !unanswered.isEmpty(); round++) {
            Set<String> done = ConcurrentHashMap.newKeySet();
            Outcomes roundOutcomes = new Outcomes();
            List<String> batch = unanswered;
            OpenLoop.run(options.killRate, (double) batch.size() / options.killRate, (index, due) -> {
                String id = batch.get(index);
                return fixture.visitors.post(threadOf.get(id), id, "kill check retry").whenComplete((r, e) -> {
                    if (roundOutcomes.record(r, e)) {
                        done.add(id);
                        synchronized (newAndDuplicate) {
                            newAndDuplicate[r.statusCode() == 201 ? 0 : 1]++;
                        }
                    }
                });
            });
            unanswered = batch.stream().filter(id -> !done.contains(id)).toList();
            Log.line("retry round %d: %d sent, %d still unanswered (%s)", round + 1, batch.size(), unanswered.size(),
                    roundOutcomes.errors());
            if (round == 0) {
                retry = roundOutcomes;
            }
            Thread.sleep(1_000);
        }
        String retryErrors = unanswered.isEmpty() ? "first round: " + retry.errors()
                : unanswered.size() + " never answered 2xx";
        Log.line("resumed consoles open: %d of %d (%d failed to open, %d logged in again, closed: %s); first retry "
                + "errors %s", resumed.openCount(), lastSeen.size(), resumed.failedToOpen(), relogins,
                resumed.closeReasons(), retry.samples());
        Thread.sleep(3_000);
        Map<String, Integer> afterRetry = storedCounts(threads);
        long lostAfterRetry = sent.stream().filter(id -> afterRetry.getOrDefault(id, 0) == 0).count();
        long doubledAfterRetry = sent.stream().filter(id -> afterRetry.getOrDefault(id, 0) > 1).count();
        long framesMissingAfterRetry = sent.stream().filter(id -> afterRetry.containsKey(id)
                && !framesBefore.contains(id) && !framesAfter.contains(id)).count();
        resumed.close();
        return new Result(database, run.sent(), answered.size(), run.sent() - answered.size(), lost, doubled,
                storedUnanswered, missedAtKill, replayed, stillMissing, newAndDuplicate[0], newAndDuplicate[1],
                retryErrors, lostAfterRetry, doubledAfterRetry, framesMissingAfterRetry, relogins, restartSeconds);
    }

    /**
     * Reopens each console with its last seq per stream and its old credential (the credential key is fixed across the restart);
     * a console refused with 1008 logs in again and resumes from the same seq.
     */
    private long resume(Map<BenchAgent, ConsoleStream> lastSeen, Consoles resumed, FrameSink sink)
            throws InterruptedException {
        List<BenchAgent> agents = new ArrayList<>(lastSeen.keySet());
        java.util.function.Function<BenchAgent, String> path = agent -> Consoles.resumePath(agent,
                lastSeen.get(agent).cursors(), lastSeen.get(agent).streamed());
        resumed.open(agents, path, sink);
        Thread.sleep(2_000);
        List<BenchAgent> refused = resumed.streams().stream().filter(stream -> !stream.isOpen())
                .map(stream -> stream.agent).toList();
        if (!refused.isEmpty()) {
            fixture.login(refused, null);
            resumed.open(refused, path, sink);
        }
        return refused.size();
    }

    private Map<String, Integer> storedCounts(List<VisitorApi.VisitorThread> threads) {
        Map<String, Integer> counts = new HashMap<>();
        for (VisitorApi.VisitorThread thread : threads) {
            fixture.visitors.storedCounts(thread).forEach((id, count) -> counts.merge(id, count, Integer::sum));
        }
        return counts;
    }
}
