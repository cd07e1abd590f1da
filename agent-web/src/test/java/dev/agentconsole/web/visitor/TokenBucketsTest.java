package dev.agentconsole.web.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a hand-driven clock: burst, refill, per-key independence and the bound on tracked keys. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));

    private TokenBuckets buckets(int maxTracked) {
        return new TokenBuckets(maxTracked, now::get);
    }

    private void advance(long amount, TimeUnit unit) {
        now.addAndGet(unit.toNanos(amount));
    }

    @Test
    void aFullBucketLetsItsCapacityThroughAtOnceThenRefusesWithTheWaitForTheNextToken() {
        TokenBuckets buckets = buckets(100);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, buckets.take("10.0.0.1", 6), "request " + i);
        }
        long wait = buckets.take("10.0.0.1", 6);
        assertEquals(TimeUnit.SECONDS.toNanos(10), wait, "6 a minute: one token every 10 s");
        assertEquals(wait, buckets.take("10.0.0.1", 6), "a refusal takes nothing");
    }

    @Test
    void tokensComeBackEvenlyAndNeverBeyondCapacity() {
        TokenBuckets buckets = buckets(100);
        for (int i = 0; i < 6; i++) {
            buckets.take("k", 6);
        }
        advance(9, TimeUnit.SECONDS);
        assertEquals(TimeUnit.SECONDS.toNanos(1), buckets.take("k", 6));
        advance(1, TimeUnit.SECONDS);
        assertEquals(0, buckets.take("k", 6));
        assertTrue(buckets.take("k", 6) > 0);

        advance(1, TimeUnit.HOURS);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, buckets.take("k", 6), "request " + i);
        }
        assertTrue(buckets.take("k", 6) > 0, "an hour of rest still fills only to capacity");
    }

    @Test
    void keysAreLimitedIndependently() {
        TokenBuckets buckets = buckets(100);
        assertEquals(0, buckets.take("a", 1));
        assertTrue(buckets.take("a", 1) > 0);
        assertEquals(0, buckets.take("b", 1));
    }

    @Test
    void aLimitOfZeroMeansNoLimitAndTracksNothing() {
        TokenBuckets buckets = buckets(100);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, buckets.take("k", 0));
        }
        assertEquals(0, buckets.tracked());
    }

    @Test
    void manyKeysNeverGrowTheTableBeyondItsBoundAndShareTheOverflowBucket() {
        TokenBuckets buckets = buckets(10);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, buckets.take("busy-" + i, 2));
        }
        // The table is full of buckets that have just been used: newcomers share one bucket of 2.
        assertEquals(0, buckets.take("new-1", 2));
        assertEquals(0, buckets.take("new-2", 2));
        assertTrue(buckets.take("new-3", 2) > 0, "the overflow bucket is one client's worth");
        for (int i = 0; i < 10_000; i++) {
            buckets.take("flood-" + i, 2);
        }
        assertTrue(buckets.tracked() <= 11, "at most maxTracked keys plus the overflow: " + buckets.tracked());
    }

    @Test
    void bucketsThatRefilledAreDroppedWhenRoomIsNeeded() {
        TokenBuckets buckets = buckets(10);
        for (int i = 0; i < 10; i++) {
            buckets.take("old-" + i, 60);
        }
        advance(2, TimeUnit.SECONDS);
        assertEquals(0, buckets.take("newcomer", 1), "old buckets are full again and make room");
        assertTrue(buckets.take("newcomer", 1) > 0, "the newcomer has its own bucket, not the overflow");
        assertEquals(1, buckets.tracked());
    }
}
