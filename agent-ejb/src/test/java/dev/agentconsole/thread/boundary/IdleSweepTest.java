package dev.agentconsole.thread.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.infrastructure.persistence.ConcurrentChangeException;
import dev.agentconsole.thread.control.IdleThreads;
import dev.agentconsole.thread.control.ThreadTransitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One sweep run without a container: bounded work, lost races and failures neither counted nor stopping the rest. */
class IdleSweepTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    /** Due threads as the index would answer: those not closed yet, oldest first, at most a batch. */
    final Set<String> due = new LinkedHashSet<>();
    final List<Integer> batchSizes = new ArrayList<>();
    final IdleSweep sweep = new IdleSweep();

    IdleSweepTest() {
        sweep.idleThreads = new IdleThreads() {
            @Override
            public List<String> due(Instant now, int limit) {
                batchSizes.add(limit);
                return due.stream().limit(limit).toList();
            }
        };
    }

    /** Each close attempt answers what {@code outcome} says; a close that returns true removes the thread. */
    void closing(Function<String, Boolean> outcome) {
        sweep.transitions = new ThreadTransitions() {
            @Override
            public boolean closeIfIdle(String threadUid, Instant now) {
                boolean closed = outcome.apply(threadUid);
                if (closed) {
                    due.remove(threadUid);
                }
                return closed;
            }
        };
    }

    void threadsDue(int count) {
        IntStream.range(0, count).forEach(i -> due.add("t-" + i));
    }

    @Test
    void closesEveryDueThreadInBatches() {
        threadsDue(250);
        closing(uid -> true);
        assertEquals(250, sweep.sweep(NOW));
        assertEquals(List.of(100, 100, 100), batchSizes, "two full batches, then a short one ends the run");
    }

    @Test
    void aBacklogIsWorkedOffOverSeveralRuns() {
        threadsDue(IdleSweep.MAX_PER_RUN + 50);
        closing(uid -> true);
        assertEquals(IdleSweep.MAX_PER_RUN, sweep.sweep(NOW));
        assertEquals(50, due.size(), "left for the next run");
        assertEquals(50, sweep.sweep(NOW));
    }

    @Test
    void threadsAnotherMemberClosedOrAMessageKeptOpenAreNotCounted() {
        threadsDue(5);
        closing(uid -> {
            if (uid.equals("t-1")) {
                throw new ConcurrentChangeException("lock timeout", null);
            }
            if (uid.equals("t-2")) {
                due.remove(uid); // closed by another member meanwhile, or its deadline moved
                return false;
            }
            return true;
        });
        assertEquals(3, sweep.sweep(NOW));
        assertEquals(Set.of("t-1"), due, "the thread lost to a conflict is still due and tried next run");
    }

    @Test
    void aThreadThatFailsToCloseDoesNotHoldUpTheOthers() {
        threadsDue(3);
        closing(uid -> {
            if (uid.equals("t-0")) {
                throw new IllegalStateException("broken row");
            }
            return true;
        });
        assertEquals(2, sweep.sweep(NOW));
        assertEquals(Set.of("t-0"), due);
    }

    @Test
    void aFullBatchThatClosesNothingEndsTheRun() {
        threadsDue(300);
        closing(uid -> false);
        assertEquals(0, sweep.sweep(NOW));
        assertEquals(List.of(100), batchSizes, "no reading the same batch again and again");
    }
}
