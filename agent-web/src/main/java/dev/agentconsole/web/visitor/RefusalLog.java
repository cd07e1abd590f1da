package dev.agentconsole.web.visitor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts the visitor side's expected refusals (rate limited, queue full) and reports them in one line at most once a
 * minute, so the log grows with time, never with an attacker's request rate.
 */
@ApplicationScoped
public class RefusalLog {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());
    private static final long INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - INTERVAL);

    public void refused(String reason) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL && lastReport.compareAndSet(last, now)) {
            Map<String, Long> since = new TreeMap<>();
            counts.forEach((what, count) -> {
                long n = count.sumThenReset();
                if (n > 0) {
                    since.put(what, n);
                }
            });
            LOG.info(() -> "visitor requests refused since the last report: " + since);
        }
    }
}
