package dev.agentconsole.web.auth;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the application's own bearer credentials (console and visitor) with HMAC-SHA256: a Base64url JSON
 * body, a dot, and the Base64url MAC. Each credential names its kind in {@code typ}, so one kind is never accepted as
 * another.
 */
@ApplicationScoped
public class CredentialSigner {

    private static final Logger LOG = Logger.getLogger(CredentialSigner.class.getName());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 2048;

    @Inject
    @Setting("agent.console.credential-key")
    Optional<String> configuredKey;

    private byte[] key;

    @PostConstruct
    void init() {
        key = usableKey(configuredKey).orElse(null);
        if (key == null) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            // Named in the start-up warning of unsafe defaults; here only the detail.
            LOG.fine("agent.console.credential-key not set, not Base64 or shorter than 32 bytes: using a random key");
        }
    }

    public static boolean hasUsableKey(Optional<String> configured) {
        return usableKey(configured).isPresent();
    }

    /** The configured key when it is Base64 of at least 32 bytes. */
    static Optional<byte[]> usableKey(Optional<String> configured) {
        try {
            return configured.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.strip()))
                    .filter(k -> k.length >= 32);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public String sign(String type, JsonObject claims) {
        byte[] body = Jsons.object(claims).add("typ", type).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
    }

    /** The claims of a well-signed credential of the given kind; empty for anything else. */
    public Optional<JsonObject> verify(String type, String credential) {
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
            JsonObject claims = Jsons.parseObject(new String(body, StandardCharsets.UTF_8));
            return type.equals(claims.getString("typ", null)) ? Optional.of(claims) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
