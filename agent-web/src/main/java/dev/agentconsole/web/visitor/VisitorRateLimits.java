package dev.agentconsole.web.visitor;

import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;

/**
 * The visitor side's rate limits: thread starts and messages, each per client address and per visitor. Checked
 * before any database work; a refused request changes nothing and is answered {@code 429} with {@code Retry-After}.
 */
@ApplicationScoped
public class VisitorRateLimits {

    static final String RATE_LIMITED = "rate_limited";

    @Inject
    VisitorSettings settings;

    @Inject
    RefusalLog refusals;

    private TokenBuckets threadsByAddress;
    private TokenBuckets messagesByAddress;
    private TokenBuckets threadsByVisitor;
    private TokenBuckets messagesByVisitor;

    @PostConstruct
    void init() {
        threadsByAddress = new TokenBuckets(settings.maxTracked(), System::nanoTime);
        messagesByAddress = new TokenBuckets(settings.maxTracked(), System::nanoTime);
        threadsByVisitor = new TokenBuckets(settings.maxTracked(), System::nanoTime);
        messagesByVisitor = new TokenBuckets(settings.maxTracked(), System::nanoTime);
    }

    /** Seconds to wait before starting another thread from this address; 0: go ahead. */
    long threadStartFromAddress(String address) {
        return seconds(threadsByAddress.take(address, settings.threadsPerAddress()));
    }

    long threadStartByVisitor(String visitorUid) {
        return seconds(threadsByVisitor.take(visitorUid, settings.threadsPerToken()));
    }

    long messageFromAddress(String address) {
        return seconds(messagesByAddress.take(address, settings.messagesPerAddress()));
    }

    long messageByVisitor(String visitorUid) {
        return seconds(messagesByVisitor.take(visitorUid, settings.messagesPerToken()));
    }

    /** The 429 answer for JAX-RS. */
    static Response tooManyRequests(long retryAfterSeconds) {
        return Response.status(429)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", retryAfterSeconds)
                .entity(body(retryAfterSeconds))
                .build();
    }

    static String body(long retryAfterSeconds) {
        return Jsons.object()
                .add("error", RATE_LIMITED)
                .add("message", "too many requests; try again in " + retryAfterSeconds + " s")
                .add("retryAfter", retryAfterSeconds)
                .build().toString();
    }

    /** Whole seconds to wait (at least 1) for a refusal, which is counted for the log; 0 when allowed. */
    private long seconds(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        refusals.refused(RATE_LIMITED);
        long second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, (nanos + second - 1) / second);
    }
}
