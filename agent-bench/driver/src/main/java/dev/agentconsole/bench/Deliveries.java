package dev.agentconsole.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency from a message's send time to its message_created frame at the assigned agent's socket. The first frame for
 * a message counts; a message answered with an error stops being expected.
 */
final class Deliveries implements FrameSink {

    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final long[] latencies;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    final Outcomes outcomes = new Outcomes();

    Deliveries(int capacity) {
        this.latencies = new long[capacity];
    }

    void expect(String clientMessageId, long sentNanos) {
        pending.put(clientMessageId, sentNanos);
    }

    void answered(String clientMessageId, boolean success) {
        if (!success) {
            pending.remove(clientMessageId);
        }
    }

    @Override
    public void messageCreated(String clientMessageId, long arrivedNanos) {
        Long sent = pending.remove(clientMessageId);
        if (sent == null) {
            unmatched.incrementAndGet();
            return;
        }
        long index = delivered.getAndIncrement();
        if (index < latencies.length) {
            latencies[(int) index] = arrivedNanos - sent;
        }
        lastArrival.accumulateAndGet(arrivedNanos, Math::max);
    }

    /** Waits until every expected frame came, or the time is up; then what is still pending is missing. */
    void drain(long maxMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + maxMillis;
        while (!pending.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }

    long delivered() {
        return delivered.get();
    }

    long missing() {
        return pending.size();
    }

    long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** Latency percentiles in milliseconds: p50, p95, p99, max. */
    double[] percentiles() {
        int count = (int) Math.min(delivered.get(), latencies.length);
        if (count == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[count - 1] / 1e6};
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
