package dev.agentconsole.supervisor.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayFiguresTest {

    private static final Instant TODAY = Instant.parse("2026-03-01T00:00:00Z");

    private static DayFigures readAt(Instant at) {
        return new DayFigures(TODAY, at, Percentiles.NONE, Percentiles.NONE, Map.of(), Map.of(), Map.of(), Map.of());
    }

    @Test
    void reusedForFifteenSecondsOfTheSameDayOnly() {
        Instant read = TODAY.plusSeconds(3600);
        assertTrue(readAt(read).reusableAt(read.plusSeconds(15), TODAY));
        assertFalse(readAt(read).reusableAt(read.plusSeconds(16), TODAY), "too old");
        Instant lateEvening = Instant.parse("2026-03-01T23:59:55Z");
        assertFalse(readAt(lateEvening).reusableAt(lateEvening.plusSeconds(10), TODAY.plusSeconds(86_400)),
                "the day turned: today's figures start from nothing");
    }
}
