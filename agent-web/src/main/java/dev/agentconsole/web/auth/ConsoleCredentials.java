package dev.agentconsole.web.auth;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's own credential, handed out at login and kept in page memory. It does not rely on a cookie, so the
 * console keeps working in a cross-site iframe whose third-party cookies are blocked. Bound to one agent and one login
 * session, short-lived (the console renews it), and revocable by logout.
 */
@ApplicationScoped
public class ConsoleCredentials {

    static final String TYPE = "console";

    /** A verified credential. */
    public record ConsoleSession(String agentUid, String sessionId, Instant expiresAt) {
    }

    /** A credential just signed, with the expiry written into it. */
    public record Issued(String credential, Instant expiresAt) {
    }

    @Inject
    CredentialSigner signer;

    @Inject
    @Setting(value = "agent.console.credential-ttl", defaultValue = "PT30M")
    Duration ttl;

    @Inject
    SignedOutSessions signedOut;

    @Inject
    Event<SessionEnded> sessionEnded;

    /** A new login session for the agent. */
    public String issue(String agentUid) {
        return sign(agentUid, UUID.randomUUID().toString()).credential();
    }

    /** A fresh credential for the same login session (the console renews before expiry). */
    public Issued renew(ConsoleSession session) {
        return sign(session.agentUid(), session.sessionId());
    }

    public Optional<ConsoleSession> verify(String credential) {
        return signer.verify(TYPE, credential).flatMap(claims -> {
            try {
                Instant expiresAt = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValueExact());
                String sessionId = claims.getString("sid");
                if (!Instant.now().isBefore(expiresAt) || signedOut.isSignedOut(sessionId)) {
                    return Optional.empty();
                }
                return Optional.of(new ConsoleSession(claims.getString("sub"), sessionId, expiresAt));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Logout: every credential of this login session stops working at once on this member, and within a few seconds
     * on the others; its open sockets close.
     */
    public void revoke(ConsoleSession session) {
        // A renewed credential of the session may live up to one full lifetime from now.
        Instant validUntil = Instant.now().plus(ttl).plusSeconds(1);
        signedOut.signOut(session.sessionId(), session.agentUid(), validUntil);
        sessionEnded.fire(new SessionEnded(session.sessionId(), validUntil));
    }

    /**
     * A login session ended on this member (its sockets here close at once, the cluster bus tells the others);
     * {@code validUntil} is when its last credential would have expired.
     */
    public record SessionEnded(String sessionId, Instant validUntil) {
    }

    private Issued sign(String agentUid, String sessionId) {
        Instant expiresAt = Instant.ofEpochSecond(Instant.now().plus(ttl).getEpochSecond());
        JsonObject claims = Jsons.object()
                .add("sub", agentUid)
                .add("sid", sessionId)
                .add("jti", UUID.randomUUID().toString())
                .add("exp", expiresAt.getEpochSecond())
                .build();
        return new Issued(signer.sign(TYPE, claims), expiresAt);
    }
}
