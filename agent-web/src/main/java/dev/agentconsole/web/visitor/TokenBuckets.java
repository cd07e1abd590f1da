package dev.agentconsole.web.visitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address, a visitor): {@code perMinute} requests at once, refilled evenly over a
 * minute. In memory and per server: in a cluster each member limits on its own (a client spread over n members gets up
 * to n times the rate; the limits are set so that this still stops a script).
 *
 * <p>Memory is bounded: at most {@code maxTracked} keys. A bucket that has refilled to full tells nothing and is
 * dropped when room is needed (swept at most once a second, so an attacker cannot make every request pay for a
 * sweep). When even that frees nothing, every key not yet tracked shares one overflow bucket until room frees: many
 * clients at once are slowed together instead of growing the table.
 */
final class TokenBuckets {

    static final String OVERFLOW = "\u0000overflow";
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxTracked;
    private final LongSupplier nanoClock;
    private final Object sweepLock = new Object();
    private long lastSweep;

    TokenBuckets(int maxTracked, LongSupplier nanoClock) {
        this.maxTracked = Math.max(1, maxTracked);
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong() - SWEEP_INTERVAL;
    }

    /**
     * Takes one token from the key's bucket. Returns 0 when the request may go ahead, else the nanoseconds until a
     * token will be there (nothing was taken). {@code perMinute} of 0 or less means no limit.
     */
    long take(String key, int perMinute) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(admit(key, now), k -> new Bucket(perMinute, now));
        }
        return bucket.take(now, perMinute);
    }

    int tracked() {
        return buckets.size();
    }

    /** The key itself while there is room, else the shared overflow bucket's. */
    private String admit(String key, long now) {
        if (buckets.size() < maxTracked) {
            return key;
        }
        sweep(now);
        return buckets.size() < maxTracked ? key : OVERFLOW;
    }

    private void sweep(long now) {
        synchronized (sweepLock) {
            if (now - lastSweep < SWEEP_INTERVAL) {
                return;
            }
            lastSweep = now;
        }
        buckets.entrySet().removeIf(entry -> !entry.getKey().equals(OVERFLOW) && entry.getValue().isFull(now));
    }

    private static final class Bucket {

        private double tokens;
        private long updated;
        private int capacity;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.capacity = capacity;
            this.updated = now;
        }

        synchronized long take(long now, int perMinute) {
            capacity = perMinute;
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            long nanosPerToken = MINUTE / perMinute;
            return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + (double) elapsed * capacity / MINUTE);
                updated = now;
            }
        }
    }
}
