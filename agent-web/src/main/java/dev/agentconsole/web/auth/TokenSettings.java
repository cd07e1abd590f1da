package dev.agentconsole.web.auth;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How login access tokens are verified. Immutable; the HMAC key is copied in and out.
 *
 * @param hmacKey           shared secret for HS256/HS384/HS512, already Base64-decoded (at least 32 bytes)
 * @param publicKey         for RS256/ES256: PEM text ({@code -----BEGIN PUBLIC KEY-----}, RSA or EC) or JWKS JSON
 * @param issuer            required {@code iss}, when set
 * @param audience          a value {@code aud} must contain, when set
 * @param organisationClaim the claim naming the agent's organisation, when set
 * @param clockSkew         tolerance for {@code exp}, {@code nbf} and {@code iat}
 * @param requireExpiry     whether a token without {@code exp} is refused (it would be a login link valid forever)
 */
public record TokenSettings(Optional<byte[]> hmacKey, Optional<String> publicKey, Optional<String> issuer,
        Optional<String> audience, Optional<String> organisationClaim, Duration clockSkew, boolean requireExpiry) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    /** HS256 needs a key at least as long as its hash (RFC 7518 §3.2); longer hashes are checked per token. */
    public static final int MIN_HMAC_KEY_BYTES = 32;

    public TokenSettings {
        hmacKey = hmacKey == null ? Optional.empty() : hmacKey.map(byte[]::clone);
        hmacKey.ifPresent(key -> {
            if (key.length < MIN_HMAC_KEY_BYTES) {
                throw new IllegalArgumentException("The HMAC secret is " + key.length + " bytes long; at least "
                        + MIN_HMAC_KEY_BYTES + " bytes (256 bits) are required for HS256");
            }
        });
        publicKey = nonBlank(publicKey);
        issuer = nonBlank(issuer);
        audience = nonBlank(audience);
        organisationClaim = nonBlank(organisationClaim).map(String::strip);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("The clock skew must not be negative");
        }
    }

    /** Settings that refuse tokens without {@code exp}. */
    public TokenSettings(Optional<byte[]> hmacKey, Optional<String> publicKey, Optional<String> issuer,
            Optional<String> audience, Optional<String> organisationClaim, Duration clockSkew) {
        this(hmacKey, publicKey, issuer, audience, organisationClaim, clockSkew, true);
    }

    /**
     * Settings from configuration strings; blank or null means absent. The HMAC secret is Base64 text (standard or
     * URL-safe alphabet, padding optional, whitespace ignored) and is decoded to the key, as the original product does.
     *
     * @throws IllegalArgumentException if the secret is not Base64 or decodes to fewer than 32 bytes
     */
    public static TokenSettings fromStrings(String hmacSecretBase64, String publicKeyTextOrNull, String issuer,
            String audience, String organisationClaim) {
        return new TokenSettings(Optional.ofNullable(decodeSecret(hmacSecretBase64)),
                Optional.ofNullable(publicKeyTextOrNull), Optional.ofNullable(issuer), Optional.ofNullable(audience),
                Optional.ofNullable(organisationClaim), DEFAULT_CLOCK_SKEW);
    }

    public TokenSettings withClockSkew(Duration skew) {
        return new TokenSettings(hmacKey, publicKey, issuer, audience, organisationClaim, skew, requireExpiry);
    }

    public TokenSettings withRequiredExpiry(boolean required) {
        return new TokenSettings(hmacKey, publicKey, issuer, audience, organisationClaim, clockSkew, required);
    }

    /** A copy, so callers cannot change the key these settings were built with. */
    @Override
    public Optional<byte[]> hmacKey() {
        return hmacKey.map(byte[]::clone);
    }

    /** Whether any key material is configured at all. */
    public boolean hasAnyKey() {
        return hmacKey.isPresent() || publicKey.isPresent();
    }

    /** Never prints the secret: settings end up in logs. */
    @Override
    public String toString() {
        return "TokenSettings[hmacKey=" + hmacKey.map(k -> "<" + k.length + " bytes>").orElse("none")
                + ", publicKey=" + (publicKey.isPresent() ? "<set>" : "none") + ", issuer=" + issuer.orElse("none")
                + ", audience=" + audience.orElse("none") + ", organisationClaim=" + organisationClaim.orElse("none")
                + ", clockSkew=" + clockSkew + ", requireExpiry=" + requireExpiry + "]";
    }

    private static byte[] decodeSecret(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String compact = text.replaceAll("\\s+", "");
        boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            // The decoder's message would quote the offending character of the secret; keep it out of logs.
            throw new IllegalArgumentException("The HMAC secret is not valid Base64 (standard or URL-safe alphabet)");
        }
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
    }
}
