package dev.agentconsole.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A set of open sockets: opened a bounded number at a time, pinged every 25 s like real consoles, closed together. */
final class Consoles implements AutoCloseable {

    private final Http http;
    private final List<ConsoleStream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(Http.daemon("bench-ping"));
    private int failedToOpen;

    Consoles(Http http) {
        this.http = http;
        // Every console pings once per 25 s, spread over the period as independent consoles would be.
        long[] tick = {0};
        pinger.scheduleAtFixedRate(() -> {
            int slot = (int) (tick[0]++ % 25);
            for (int i = slot; i < streams.size(); i += 25) {
                streams.get(i).ping();
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** A fresh console: no cursors, the server sends hello. */
    static String consolePath(BenchAgent agent) {
        return "/agent/ws?credential=" + URLEncoder.encode(agent.credential, StandardCharsets.UTF_8);
    }

    /**
     * A resuming console: {@code cursors} (per-stream protocol) or, for a server that never named a stream,
     * {@code lastSeq} of the agent stream.
     */
    static String resumePath(BenchAgent agent, Map<String, Long> cursors, boolean streamed) {
        if (cursors.isEmpty()) {
            return consolePath(agent);
        }
        if (!streamed) {
            return consolePath(agent) + "&lastSeq=" + cursors.getOrDefault("agent", 0L);
        }
        StringBuilder json = new StringBuilder("{");
        cursors.forEach((stream, seq) -> json.append(json.length() > 1 ? "," : "").append(Json.quote(stream))
                .append(':').append(seq));
        return consolePath(agent) + "&cursors=" + URLEncoder.encode(json.append('}').toString(), StandardCharsets.UTF_8);
    }

    static String barePath(BenchAgent agent) {
        return "/bare/ws?key=" + agent.number;
    }

    /** Opens one socket per agent in the list (repeat an agent for several consoles). */
    List<ConsoleStream> open(List<BenchAgent> agents, Function<BenchAgent, String> path, FrameSink sink) {
        Semaphore permits = new Semaphore(64);
        List<CompletableFuture<ConsoleStream>> opening = new ArrayList<>();
        for (BenchAgent agent : agents) {
            permits.acquireUninterruptibly();
            URI uri = http.socketUri(path.apply(agent));
            opening.add(new ConsoleStream(agent, sink).connect(http, uri).whenComplete((s, e) -> permits.release()));
        }
        List<ConsoleStream> opened = new ArrayList<>();
        for (CompletableFuture<ConsoleStream> future : opening) {
            try {
                opened.add(future.join());
            } catch (RuntimeException e) {
                if (failedToOpen++ == 0) {
                    Log.line("  socket failed to open: %s", e.getCause() == null ? e : e.getCause());
                }
            }
        }
        streams.addAll(opened);
        return opened;
    }

    /**
     * Waits for every open console's hello. A fresh console is sent only what commits after its hello (it loads its
     * lists first), so load must not start before.
     */
    void awaitHello(long maxMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + maxMillis;
        while (streams.stream().anyMatch(s -> s.isOpen() && !s.greeted()) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
    }

    List<ConsoleStream> streams() {
        return streams;
    }

    long openCount() {
        return streams.stream().filter(ConsoleStream::isOpen).count();
    }

    /** How many sockets closed, by close code and reason. */
    Map<String, Long> closeReasons() {
        return streams.stream().map(ConsoleStream::closed).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(reason -> reason, java.util.stream.Collectors.counting()));
    }

    int failedToOpen() {
        return failedToOpen;
    }

    void sink(FrameSink sink) {
        streams.forEach(stream -> stream.sink(sink));
    }

    void closeAll() {
        streams.forEach(ConsoleStream::close);
        streams.clear();
    }

    @Override
    public void close() {
        closeAll();
        pinger.shutdownNow();
    }
}
