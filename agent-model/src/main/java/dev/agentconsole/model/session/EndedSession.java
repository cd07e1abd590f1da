package dev.agentconsole.model.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A console login session the agent signed out of. Its credentials are signed, not stored, so until the last of
 * them would have expired anyway every cluster member must know the session is over: each member reads new rows
 * every few seconds and refuses their credentials and closes their sockets.
 */
@Entity
@Table(name = "ended_session", indexes = @Index(name = "ended_session_at", columnList = "endedAtMillis"))
@NamedQuery(name = EndedSession.ENDED_SINCE,
        query = "select s from EndedSession s where s.endedAtMillis >= :since and s.validUntilMillis > :now")
@NamedQuery(name = EndedSession.PURGE, query = "delete from EndedSession s where s.validUntilMillis <= :now")
public class EndedSession {

    public static final String ENDED_SINCE = "EndedSession.endedSince";
    public static final String PURGE = "EndedSession.purge";

    @Id
    @Column(length = 64)
    private String sessionId;

    @Column(length = 64, nullable = false)
    private String agentUid;

    // Epoch milliseconds: portable and indexable on every database, unlike a serialised Instant.
    @Column(nullable = false)
    private long endedAtMillis;

    /** When the session's last credential expires; after that the row is of no use. */
    @Column(nullable = false)
    private long validUntilMillis;

    protected EndedSession() {
    }

    public EndedSession(String sessionId, String agentUid, Instant endedAt, Instant validUntil) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.agentUid = Objects.requireNonNull(agentUid, "agentUid");
        this.endedAtMillis = endedAt.toEpochMilli();
        this.validUntilMillis = validUntil.toEpochMilli();
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getAgentUid() {
        return agentUid;
    }

    public Instant getEndedAt() {
        return Instant.ofEpochMilli(endedAtMillis);
    }

    public Instant getValidUntil() {
        return Instant.ofEpochMilli(validUntilMillis);
    }
}
