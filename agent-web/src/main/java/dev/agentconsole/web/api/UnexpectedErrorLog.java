package dev.agentconsole.web.api;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs unexpected errors so the log grows with time, not with the rate at which a client can provoke one: a stack trace
 * at most once a minute per exception type, otherwise one short line, and at most {@link #LINES_PER_MINUTE} lines a
 * minute; errors beyond that are counted and summarised in one line when the next minute's first error comes.
 */
final class UnexpectedErrorLog {

    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    static final int LINES_PER_MINUTE = 10;
    /** Exception types are few, but the maps must stay bounded whatever is thrown. */
    private static final int MAX_TYPES = 256;

    private final Logger log;
    private final LongSupplier nanoClock;
    private final Map<String, Long> lastTrace = new HashMap<>();
    private final Map<String, Integer> suppressed = new TreeMap<>();
    private long minuteStart;
    private int lines;

    UnexpectedErrorLog(Logger log, LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.minuteStart = nanoClock.getAsLong();
    }

    synchronized void log(Throwable e) {
        long now = nanoClock.getAsLong();
        if (now - minuteStart >= MINUTE) {
            if (!suppressed.isEmpty()) {
                log.warning("unexpected errors not logged since the last report, by type: " + suppressed);
                suppressed.clear();
            }
            minuteStart = now;
            lines = 0;
        }
        String type = e.getClass().getName();
        if (lines >= LINES_PER_MINUTE) {
            if (suppressed.size() < MAX_TYPES || suppressed.containsKey(type)) {
                suppressed.merge(type, 1, Integer::sum);
            } else {
                suppressed.merge("other", 1, Integer::sum);
            }
            return;
        }
        lines++;
        Long last = lastTrace.get(type);
        if (last == null || now - last >= MINUTE) {
            if (lastTrace.size() >= MAX_TYPES) {
                lastTrace.clear();
            }
            lastTrace.put(type, now);
            log.log(Level.WARNING, "unexpected error", e);
        } else {
            log.warning("unexpected error (stack trace logged in the last minute): " + type + ": "
                    + oneLine(e.getMessage()));
        }
    }

    /** Messages may carry a client's text: one clipped line, no control characters. */
    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String clipped = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        return clipped.replaceAll("\\p{Cntrl}", " ");
    }
}
