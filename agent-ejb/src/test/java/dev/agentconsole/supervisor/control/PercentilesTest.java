package dev.agentconsole.supervisor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void noSamplesIsZeroOfEverything() {
        assertEquals(new Percentiles(0, 0, 0), Percentiles.of(List.of()));
    }

    @Test
    void oneSampleIsBothPercentiles() {
        assertEquals(new Percentiles(1, 7000, 7000), Percentiles.of(List.of(7000L)));
    }

    @Test
    void nearestRankOfTenIsTheFifthAndNinthSmallestWhateverTheOrder() {
        List<Long> samples = new ArrayList<>(LongStream.rangeClosed(1, 10).map(s -> s * 1000).boxed().toList());
        Collections.shuffle(samples);
        assertEquals(new Percentiles(10, 5000, 9000), Percentiles.of(samples));
    }

    @Test
    void anOutlierMovesThePercentileItFallsUnder() {
        // 19 quick answers and one that took an hour: the median and p90 stay quick.
        List<Long> samples = new ArrayList<>(Collections.nCopies(19, 20_000L));
        samples.add(3_600_000L);
        assertEquals(new Percentiles(20, 20_000, 20_000), Percentiles.of(samples));
        // Three slow ones in ten: p90 is one of them, the median is not.
        List<Long> slow = new ArrayList<>(Collections.nCopies(7, 10_000L));
        slow.addAll(List.of(100_000L, 200_000L, 300_000L));
        assertEquals(new Percentiles(10, 10_000, 200_000), Percentiles.of(slow));
    }
}
