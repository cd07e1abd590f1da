package dev.agentconsole.session.boundary;

import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.session.control.EndedSessions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.List;

/**
 * Console sessions that were signed out of. Written once per logout and read by every cluster member's session
 * registry, so a logout on one member holds on all of them, and after a restart.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(AcknowledgeDurably.class)
public class SignOuts {

    /** A session that ended, and until when its credentials would otherwise have worked. */
    public record Ended(String sessionId, String agentUid, Instant endedAt, Instant validUntil) {
    }

    @EJB
    EndedSessions records;

    /** Records the end of a session (durably, before the logout is answered); signing out twice is one record. */
    public void record(String sessionId, String agentUid, Instant validUntil) {
        // Two members signing the same session out at once: the loser's retry finds the row.
        ConflictRetry.run(() -> {
            records.record(sessionId, agentUid, validUntil);
            return null;
        });
    }

    /** Sessions ended at or after {@code since} whose credentials have not expired yet. */
    public List<Ended> endedSince(Instant since) {
        return records.endedSince(since).stream()
                .map(s -> new Ended(s.getSessionId(), s.getAgentUid(), s.getEndedAt(), s.getValidUntil()))
                .toList();
    }

    /** Drops the records nobody needs any more: their sessions' credentials have all expired. */
    public int forgetExpired() {
        return records.forgetExpired();
    }
}
