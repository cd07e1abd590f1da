package dev.agentconsole.web.visitor;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.web.auth.CredentialSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Optional;

/**
 * Proves to the visitor API that a caller is the visitor who started a chat (a visitor uid alone proves nothing).
 *
 * <p>A token expires after {@code agent.visitor.token-idle} without use. Use renews it: every answer to a request
 * that carried a token brings a fresh one (header {@code Visitor-Token}) valid for another idle period, which the page
 * keeps instead. The expiry is inside the signed token, so nothing is stored: it holds across restarts and cluster
 * members as long as they share {@code agent.console.credential-key}.
 */
@ApplicationScoped
public class VisitorCredentials {

    static final String TYPE = "visitor";
    /** Response header carrying the renewed token. */
    public static final String RENEWED = "Visitor-Token";

    @Inject
    CredentialSigner signer;

    @Inject
    VisitorSettings settings;

    Clock clock = Clock.systemUTC();

    public String issue(String visitorUid) {
        long expires = clock.millis() + settings.tokenIdle().toMillis();
        return signer.sign(TYPE, Jsons.object().add("vid", visitorUid).add("exp", expires).build());
    }

    /** The visitor uid of a well-signed token that has not expired. */
    public Optional<String> visitorOf(String token) {
        return claims(token).filter(this::unexpired).map(claims -> claims.getString("vid"));
    }

    /** A well-signed token whose idle time ran out (the page says so, rather than "not allowed"). */
    public boolean isExpired(String token) {
        return claims(token).filter(claims -> !unexpired(claims)).isPresent();
    }

    private Optional<JsonObject> claims(String token) {
        return signer.verify(TYPE, token).filter(claims -> {
            String uid = claims.getString("vid", null);
            return uid != null && !uid.isBlank();
        });
    }

    /** Tokens from before expiry existed carry no {@code exp}: they count as expired. */
    private boolean unexpired(JsonObject claims) {
        return claims.get("exp") instanceof JsonNumber expires && expires.longValue() > clock.millis();
    }
}
