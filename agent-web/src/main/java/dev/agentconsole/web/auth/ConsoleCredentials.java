package dev.agentconsole.web.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's own credential, handed out at login and kept in page memory. It does not rely on a cookie, so the
 * console keeps working in a cross-site iframe whose third-party cookies are blocked. Signed with HMAC-SHA256, bound to
 * one agent and one login session, short-lived, and revocable by logout.
 */
@ApplicationScoped
public class ConsoleCredentials {

    private static final Logger LOG = Logger.getLogger(ConsoleCredentials.class.getName());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 2048;

    /** A verified credential. */
    public record ConsoleSession(String agentUid, String sessionId, Instant expiresAt) {
    }

    @Inject
    @ConfigProperty(name = "agent.console.credential-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "agent.console.credential-ttl", defaultValue = "PT30M")
    Duration ttl;

    private byte[] key;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        key = configuredKey.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.strip())).orElse(null);
        if (key == null || key.length < 32) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            LOG.info("agent.console.credential-key not set (or shorter than 32 bytes): using a random key; "
                    + "console credentials do not survive a restart and are not shared across a cluster");
        }
    }

    /** A new login session for the agent. */
    public String issue(String agentUid) {
        return sign(agentUid, UUID.randomUUID().toString());
    }

    /** A fresh credential for the same login session (the console renews before expiry). */
    public String renew(ConsoleSession session) {
        return sign(session.agentUid(), session.sessionId());
    }

    public Optional<ConsoleSession> verify(String credential) {
        if (credential == null || credential.isEmpty() || credential.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = credential.indexOf('.');
        if (dot < 1 || dot != credential.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] body = B64D.decode(credential.substring(0, dot));
            byte[] signature = B64D.decode(credential.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(body), signature)) {
                return Optional.empty();
            }
            JsonObject claims = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                    .readObject();
            Instant expiresAt = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValueExact());
            String sessionId = claims.getString("sid");
            if (!Instant.now().isBefore(expiresAt) || revoked.containsKey(sessionId)) {
                return Optional.empty();
            }
            return Optional.of(new ConsoleSession(claims.getString("sub"), sessionId, expiresAt));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Logout: every credential of this login session stops working at once. */
    public void revoke(ConsoleSession session) {
        revoked.put(session.sessionId(), session.expiresAt().plus(ttl));
        Instant now = Instant.now();
        revoked.values().removeIf(until -> until.isBefore(now));
    }

    public Duration ttl() {
        return ttl;
    }

    private String sign(String agentUid, String sessionId) {
        long exp = Instant.now().plus(ttl).getEpochSecond();
        byte[] body = Json.createObjectBuilder()
                .add("sub", agentUid).add("sid", sessionId).add("exp", exp)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
