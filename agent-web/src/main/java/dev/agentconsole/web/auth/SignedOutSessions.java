package dev.agentconsole.web.auth;

import dev.agentconsole.session.boundary.SignOuts;
import dev.agentconsole.session.boundary.SignOuts.Ended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This member's copy of the signed-out sessions. A logout is stored in the database before it is answered; every
 * member reads the new ones on each {@link #refresh()} (the console session registry calls it every few seconds), so
 * a credential signed out of on one member stops working on all of them, and survives a restart of any.
 */
@ApplicationScoped
public class SignedOutSessions {

    /** Clocks of cluster members differ a little: each refresh reads back this far before the last one. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(30);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(SignedOutSessions.class.getName());

    @Inject
    SignOuts signOuts;

    /** Session id → when its last credential expires; an entry is useless after that. */
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private volatile Instant readUpTo;
    private volatile Instant purgedAt = Instant.EPOCH;

    /** Signs the session out durably (the caller answers the logout after this), then here at once. */
    public void signOut(String sessionId, String agentUid, Instant validUntil) {
        signOuts.record(sessionId, agentUid, validUntil);
        ended.put(sessionId, validUntil);
    }

    /** Another member's logout, told through the cluster bus before this member's next refresh reads it. */
    public void learn(String sessionId, Instant validUntil) {
        ended.putIfAbsent(sessionId, validUntil);
    }

    public boolean isSignedOut(String sessionId) {
        if (readUpTo == null) {
            // Just started: learn what was signed out before, or a restart would revive those credentials.
            refresh();
        }
        return ended.containsKey(sessionId);
    }

    /** Reads the sessions signed out since the last call, on any member. */
    public synchronized void refresh() {
        Instant now = Instant.now();
        Instant since = readUpTo == null ? Instant.EPOCH : readUpTo.minus(CLOCK_SLACK);
        List<Ended> found;
        try {
            found = signOuts.endedSince(since);
        } catch (RuntimeException e) {
            // The next refresh reads from the same point again.
            LOG.log(Level.FINE, "could not read signed-out sessions", e);
            return;
        }
        readUpTo = now;
        found.forEach(s -> ended.putIfAbsent(s.sessionId(), s.validUntil()));
        ended.values().removeIf(until -> until.isBefore(now));
        if (Duration.between(purgedAt, now).compareTo(PURGE_EVERY) > 0) {
            purgedAt = now;
            try {
                signOuts.forgetExpired();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not purge expired sign-outs", e);
            }
        }
    }
}
