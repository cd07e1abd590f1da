package dev.agentconsole.web.auth;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentconsole.model.ControlCharacters;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.web.auth.TokenRejectedException.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies login access tokens (contract §1): HS256/HS384/HS512 with the shared secret, RS256/ES256 with the configured
 * public key or JWKS. Plain Java, thread-safe, no container needed.
 *
 * <p>Each algorithm family is bound to its own key kind, and keys named in the token header ({@code jwk}, {@code jku},
 * {@code x5u}, ...) are never used, so a token cannot choose how it is verified (no algorithm confusion).
 */
public final class AccessTokenVerifier {

    /** Far above any real login token; bounds the work an anonymous request can cause. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final Set<JWSAlgorithm> HMAC_ALGORITHMS =
            Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

    /** Compact serialisation: unpadded base64url segments separated by dots, nothing else. */
    private static final Pattern COMPACT_FORM = Pattern.compile("[A-Za-z0-9_\\-.]+");

    /** Only algorithm names that are plainly safe to put into an HTML page are echoed in messages. */
    private static final Pattern PRINTABLE_ALG = Pattern.compile("[A-Za-z0-9+_-]{1,20}");

    /** The claims that are NumericDates (RFC 7519 §4.1.4-6). */
    private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");

    /** 9999-12-31T23:59:59Z in seconds: later times overflow on their way to milliseconds. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private final TokenSettings settings;
    private final Clock clock;
    private final byte[] hmacKey;
    /** Null when no public key is configured. */
    private final VerificationKeys publicKeys;

    /**
     * With the public key text of the settings, if any.
     *
     * @throws IllegalArgumentException if the configured public key text is neither a usable PEM public key (or
     *                                  certificate) nor a JWK/JWKS with RSA or EC keys
     */
    public AccessTokenVerifier(TokenSettings settings, Clock clock) {
        this(settings, settings.publicKey().map(ConfiguredKeys::new).orElse(null), clock);
    }

    /** With public keys from elsewhere (a remote JWKS); {@code publicKeys} may be null: HS* only. */
    public AccessTokenVerifier(TokenSettings settings, VerificationKeys publicKeys, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hmacKey = settings.hmacKey().orElse(null);
        this.publicKeys = publicKeys;
    }

    /** Whether any key material is configured at all. */
    public boolean hasAnyKey() {
        return hmacKey != null || publicKeys != null;
    }

    /**
     * Verifies the signature first, then the claims, and names the agent.
     *
     * @throws TokenRejectedException with the reason the token is refused
     */
    public VerifiedToken verify(String token) {
        if (!hasAnyKey()) {
            throw new TokenRejectedException(Reason.NOT_CONFIGURED, "Token login is not configured on this server.");
        }
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException(Reason.MALFORMED, "No access token was given.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(Reason.MALFORMED, "The access token is too long.");
        }
        String compact = token.strip();
        if (!COMPACT_FORM.matcher(compact).matches()) {
            throw malformed();
        }
        SignedJWT jwt = parseSigned(compact);
        verifySignature(jwt);
        Map<String, Object> raw = rawClaims(jwt);
        checkNumericDates(raw);
        JWTClaimsSet claims = readClaims(raw);
        checkTimes(claims);
        checkIssuerAndAudience(claims);
        Date exp = claims.getExpirationTime();
        return new VerifiedToken(username(claims), organisation(raw), exp == null ? null : exp.toInstant(),
                claims.toJSONObject());
    }

    // --- structure and algorithm -------------------------------------------------------------------------------

    private static SignedJWT parseSigned(String token) {
        Base64URL[] parts;
        Header header;
        try {
            parts = JOSEObject.split(token);
            header = Header.parse(parts[0]);
        } catch (ParseException | RuntimeException e) {
            // Nimbus' message may quote token content; the page must not.
            throw malformed();
        }
        if (header instanceof JWEHeader) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM, "Encrypted access tokens are not accepted.");
        }
        if (parts.length != 3) {
            throw malformed();
        }
        if (header instanceof PlainHeader || Algorithm.NONE.equals(header.getAlgorithm())) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                    "Unsigned access tokens (alg \"none\") are not accepted.");
        }
        if (!(header instanceof JWSHeader jwsHeader)) {
            throw malformed();
        }
        JWSAlgorithm alg = jwsHeader.getAlgorithm();
        if (!HMAC_ALGORITHMS.contains(alg) && !JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.ES256.equals(alg)) {
            throw unsupported(alg, "not accepted; use HS256, HS384, HS512, RS256 or ES256.");
        }
        if (jwsHeader.getCriticalParams() != null && !jwsHeader.getCriticalParams().isEmpty()) {
            // Extensions such as unencoded payloads (b64=false) would change what the signature covers.
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                    "Access tokens with critical header extensions are not accepted.");
        }
        try {
            return new SignedJWT(parts[0], parts[1], parts[2]);
        } catch (ParseException | RuntimeException e) {
            throw malformed();
        }
    }

    // --- signature ----------------------------------------------------------------------------------------------

    private void verifySignature(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        List<JWSVerifier> candidates = HMAC_ALGORITHMS.contains(alg) ? List.of(macVerifier(alg)) : publicVerifiers(header);
        for (JWSVerifier verifier : candidates) {
            try {
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                throw new TokenRejectedException(Reason.BAD_SIGNATURE, "The access token's signature is not valid.", e);
            }
        }
        throw new TokenRejectedException(Reason.BAD_SIGNATURE, "The access token's signature is not valid.");
    }

    /** HS* only ever with the shared secret, never with public key material. */
    private JWSVerifier macVerifier(JWSAlgorithm alg) {
        if (hmacKey == null) {
            throw unsupported(alg, "not accepted: no shared secret is configured.");
        }
        int needed = minimumHmacBytes(alg);
        if (hmacKey.length < needed) {
            // Nimbus refuses keys shorter than the hash (RFC 7518 §3.2); say so rather than blaming the signature.
            throw unsupported(alg, "not accepted: the configured shared secret is " + hmacKey.length
                    + " bytes, too short for " + alg.getName() + ", which needs at least " + needed + " bytes.");
        }
        try {
            return new MACVerifier(hmacKey);
        } catch (JOSEException e) {
            throw unsupported(alg, "not accepted with the configured shared secret.");
        }
    }

    private static int minimumHmacBytes(JWSAlgorithm alg) {
        if (JWSAlgorithm.HS512.equals(alg)) {
            return 64;
        }
        return JWSAlgorithm.HS384.equals(alg) ? 48 : 32;
    }

    /**
     * RS256 only with RSA keys, ES256 only with P-256 keys. A {@code kid} selects the keys carrying it (keys without
     * a {@code kid}, such as a PEM key, stay candidates); without a {@code kid} every key of the right type is tried.
     * A {@code kid} no key carries lets a remote key set fetch again, in case the issuer rotated its keys.
     */
    private List<JWSVerifier> publicVerifiers(JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        if (publicKeys == null) {
            throw unsupported(alg, "not accepted: no matching public key is configured.");
        }
        String kid = header.getKeyID();
        List<JWSVerifier> chosen = candidates(publicKeys.current(), alg, kid);
        if (chosen.isEmpty() && kid != null) {
            chosen = candidates(publicKeys.afterUnknownKeyId(kid), alg, kid);
        }
        if (chosen.isEmpty()) {
            if (publicKeys.current().stream().noneMatch(k -> fits(k.jwk(), alg))) {
                throw unsupported(alg, "not accepted: no matching public key is configured.");
            }
            throw new TokenRejectedException(Reason.BAD_SIGNATURE,
                    "The access token was signed with a key this server does not know.");
        }
        return chosen;
    }

    private static List<JWSVerifier> candidates(List<VerificationKey> keys, JWSAlgorithm alg, String kid) {
        return keys.stream()
                .filter(k -> fits(k.jwk(), alg))
                .filter(k -> kid == null || k.jwk().getKeyID() == null || kid.equals(k.jwk().getKeyID()))
                .map(VerificationKey::verifier)
                .toList();
    }

    private static boolean fits(JWK jwk, JWSAlgorithm alg) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return false;
        }
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(alg)) {
            return false;
        }
        if (JWSAlgorithm.RS256.equals(alg)) {
            return jwk instanceof RSAKey;
        }
        return JWSAlgorithm.ES256.equals(alg) && jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
    }

    // --- claims -------------------------------------------------------------------------------------------------

    /** The claims as JSON says them: parsed claims turn a JSON null into "absent" and huge times into 1969. */
    private static Map<String, Object> rawClaims(SignedJWT jwt) {
        try {
            Map<String, Object> raw = jwt.getPayload().toJSONObject();
            if (raw != null) {
                return raw;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw malformed();
    }

    /**
     * {@code exp}, {@code nbf} and {@code iat} must be NumericDates (RFC 7519 §2: seconds since 1970; a fraction is
     * allowed and dropped) up to the year 9999. Beyond that the parsed time overflows and a token meant to last forever
     * would be reported as expired in 1969; a string, {@code null} or a negative time is not a time either.
     */
    private static void checkNumericDates(Map<String, Object> raw) {
        for (String name : TIME_CLAIMS) {
            if (raw.containsKey(name) && !isNumericDate(raw.get(name))) {
                throw new TokenRejectedException(Reason.INVALID_CLAIM, "The access token's " + name
                        + " claim is not a time: it must be a number of seconds since 1970, at most the year 9999.");
            }
        }
    }

    private static boolean isNumericDate(Object value) {
        if (!(value instanceof Number number)) {
            return false;
        }
        double seconds = number.doubleValue();
        return Double.isFinite(seconds) && seconds >= 0 && seconds <= MAX_NUMERIC_DATE;
    }

    /** From the claims already read as JSON: the payload is parsed once. */
    private static JWTClaimsSet readClaims(Map<String, Object> raw) {
        try {
            return JWTClaimsSet.parse(raw);
        } catch (ParseException | RuntimeException e) {
            throw malformed();
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Date exp = claims.getExpirationTime();
        if (exp == null && settings.requireExpiry()) {
            throw new TokenRejectedException(Reason.NO_EXPIRY,
                    "The access token has no expiry time (exp); this console accepts only tokens that expire.");
        }
        if (exp != null && !now.isBefore(exp.toInstant().plus(skew))) {
            throw new TokenRejectedException(Reason.EXPIRED, "The access token expired at " + exp.toInstant() + ".");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID,
                    "The access token is not valid before " + nbf.toInstant() + ".");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(now.plus(skew))) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID,
                    "The access token was issued in the future; check the clocks.");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) {
        // Claim values are not echoed: the message is shown on a page.
        if (settings.issuer().isPresent() && !settings.issuer().get().equals(claims.getIssuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER,
                    "The access token was not issued by the issuer this console trusts.");
        }
        if (settings.audience().isPresent()) {
            List<String> aud = claims.getAudience();
            if (aud == null || !aud.contains(settings.audience().get())) {
                throw new TokenRejectedException(Reason.WRONG_AUDIENCE,
                        "The access token is not meant for this console.");
            }
        }
    }

    private static String username(JWTClaimsSet claims) {
        String chosen = firstText(claims, "upn", "preferred_username", "sub");
        if (chosen == null) {
            throw noSubject();
        }
        String name = chosen;
        String trimmed = chosen.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            name = usernameInJson(trimmed);
        }
        if (ControlCharacters.in(name)) {
            // The name becomes the agent's user name and nickname, shown in lists, pages and logs.
            throw new TokenRejectedException(Reason.INVALID_CLAIM,
                    "The access token's user name contains control characters.");
        }
        if (name.length() > Agent.MAX_USERNAME_LENGTH) {
            // Found here, not as a database error page: the agent table keeps at most this many characters.
            throw new TokenRejectedException(Reason.INVALID_CLAIM, "The access token's user name is longer than "
                    + Agent.MAX_USERNAME_LENGTH + " characters.");
        }
        return name;
    }

    /** The original puts {"platform":"bytedesk","username":"..."} into sub. */
    private static String usernameInJson(String json) {
        try {
            Object name = JSONObjectUtils.parse(json).get("username");
            if (name instanceof String s && !s.isBlank()) {
                return s;
            }
        } catch (ParseException e) {
            // fall through: a brace-wrapped non-JSON value is not a user name either
        }
        throw noSubject();
    }

    private static String firstText(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            if (claims.getClaim(name) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    /**
     * The configured organisation claim, when the token has it; a token without it is for the default organisation. A
     * value that cannot be an organisation uid (not a string, JSON {@code null}, blank, too long, control characters)
     * refuses the token: falling back to the default organisation would sign the agent into another tenant.
     */
    private Optional<String> organisation(Map<String, Object> raw) {
        Optional<String> claim = settings.organisationClaim();
        if (claim.isEmpty() || !raw.containsKey(claim.get())) {
            return Optional.empty();
        }
        if (!(raw.get(claim.get()) instanceof String value) || value.isBlank()) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM,
                    "The access token's organisation claim is not a non-empty text.");
        }
        if (value.length() > Identified.MAX_UID_LENGTH) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM, "The access token's organisation is longer than "
                    + Identified.MAX_UID_LENGTH + " characters.");
        }
        if (ControlCharacters.in(value)) {
            throw new TokenRejectedException(Reason.INVALID_CLAIM,
                    "The access token's organisation contains control characters.");
        }
        return Optional.of(value);
    }

    // --- errors -------------------------------------------------------------------------------------------------

    private static TokenRejectedException malformed() {
        return new TokenRejectedException(Reason.MALFORMED, "The access token is not a well-formed JWT.");
    }

    private static TokenRejectedException noSubject() {
        return new TokenRejectedException(Reason.NO_SUBJECT, "The access token names no user.");
    }

    /** "Access tokens signed with ALG are " + {@code rest}; ALG comes from the token, so only tame names are shown. */
    private static TokenRejectedException unsupported(JWSAlgorithm alg, String rest) {
        String name = alg != null && PRINTABLE_ALG.matcher(alg.getName()).matches() ? alg.getName() : "this algorithm";
        return new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                "Access tokens signed with " + name + " are " + rest);
    }
}
