package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.config.Setting;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Overload fails fast. At most {@code agent.admission.max-concurrent} API and login requests work at once (each may
 * hold a database connection), and at most {@code agent.admission.max-queued} wait for a turn; a request that cannot
 * start within {@code agent.admission.max-wait}, or finds the waiting line full, is answered {@code 503} with
 * {@code Retry-After} before it touches anything. Refusing at once when the line is full keeps the HTTP workers free to
 * answer: measured at 1,000 requests/s, waiting refusals held all 200 workers and the listener's own queue overflowed
 * and dropped connections. Sockets are not limited here.
 */
@WebFilter(urlPatterns = {"/api/*", "/auth/*"}, asyncSupported = true)
public class AdmissionControl implements Filter {

    static final String BODY = "{\"error\":\"overloaded\",\"message\":\"the server is busy; retry in a moment\"}";
    private static final Logger LOG = Logger.getLogger(AdmissionControl.class.getName());

    @Inject
    @Setting(value = "agent.admission.max-concurrent", defaultValue = "48")
    int maxConcurrent;

    @Inject
    @Setting(value = "agent.admission.max-queued", defaultValue = "64")
    int maxQueued;

    @Inject
    @Setting(value = "agent.admission.max-wait", defaultValue = "PT0.8S")
    Duration maxWait;

    private Semaphore permits;
    /** Places in the waiting line; a request that finds none is refused without waiting. */
    private Semaphore waiting;
    private long maxWaitNanos;
    private final AtomicLong refused = new AtomicLong();
    private volatile long lastReportNanos = System.nanoTime();

    @Override
    public void init(jakarta.servlet.FilterConfig config) {
        permits = new Semaphore(Math.max(1, maxConcurrent));
        waiting = new Semaphore(Math.max(0, maxQueued));
        maxWaitNanos = Math.max(0, maxWait.toNanos());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted = permits.tryAcquire() || awaitTurn();
        if (!admitted) {
            refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private boolean awaitTurn() {
        if (!waiting.tryAcquire()) {
            return false;
        }
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        // One line at most every 10 s, however many requests are refused.
        if (now - lastReportNanos > TimeUnit.SECONDS.toNanos(10)) {
            lastReportNanos = now;
            LOG.warning(() -> "overloaded: " + count + " requests refused with 503 so far");
        }
        response.setHeader("Retry-After", "1");
        ErrorBody.write(response, 503, BODY);
    }
}
