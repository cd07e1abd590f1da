package dev.agentconsole.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS384 login tokens shaped like the original product's (and like run.sh's mint_token): sub is a JSON string naming
 * the user, iat/exp, no issuer; the HMAC key is the Base64 decoding of the secret.
 */
final class TokenMinter {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    TokenMinter(String secret) {
        this.key = Base64.getDecoder().decode(secret);
    }

    String mint(String username) {
        long now = System.currentTimeMillis() / 1000;
        String header = encode("{\"alg\":\"HS384\",\"typ\":\"JWT\"}");
        String subject = "{\\\"platform\\\":\\\"bytedesk\\\",\\\"username\\\":\\\"" + username + "\\\"}";
        String payload = encode("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 7 * 24 * 3600) + "}");
        String signingInput = header + "." + payload;
        return signingInput + "." + URL.encodeToString(hmac(signingInput));
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA384");
            mac.init(new SecretKeySpec(key, "HmacSHA384"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
