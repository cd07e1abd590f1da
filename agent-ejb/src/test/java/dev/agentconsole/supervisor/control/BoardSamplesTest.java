package dev.agentconsole.supervisor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardSamplesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void groupsDurationsByWorkgroupAndByAgentAndSkipsRowsWithoutBothMoments() {
        BoardQueries.Samples samples = BoardQueries.samples(List.of(
                new Object[] {"sales", "ann", T0, T0.plusSeconds(10)},
                new Object[] {"sales", "ben", Timestamp.from(T0), Timestamp.from(T0.plusSeconds(30))},
                new Object[] {"support", "ann", T0, T0.plusSeconds(50)},
                new Object[] {null, "ann", T0, null}));
        assertEquals(new Percentiles(2, 10_000, 30_000), samples.ofWorkgroup("sales"));
        assertEquals(new Percentiles(2, 10_000, 50_000), samples.ofAgent("ann"));
        assertEquals(new Percentiles(1, 30_000, 30_000), samples.ofAgent("ben"));
        assertEquals(Percentiles.NONE, samples.ofAgent("cat"));
        assertEquals(new Percentiles(3, 30_000, 50_000), samples.overall());
    }
}
