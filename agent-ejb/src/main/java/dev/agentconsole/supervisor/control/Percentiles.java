package dev.agentconsole.supervisor.control;

import java.util.Arrays;
import java.util.Collection;

/**
 * The median and 90th percentile of a day's durations, by nearest rank: the value at or below which that share of the
 * samples lies, always one of the samples (no interpolation between two conversations).
 *
 * @param count how many samples; both percentiles are 0 when there are none
 */
public record Percentiles(int count, long p50Millis, long p90Millis) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0);

    public static Percentiles of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90));
    }

    /** Nearest rank: the ceil(p/100 * n)-th smallest sample. */
    static long rank(long[] sorted, int percent) {
        int position = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, position - 1)];
    }
}
