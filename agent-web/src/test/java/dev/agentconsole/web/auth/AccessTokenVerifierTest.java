package dev.agentconsole.web.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.agentconsole.web.auth.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenVerifierTest {

    /** Verbatim from the original product's agent-client document. */
    private static final String EXAMPLE_TOKEN = "eyJhbGciOiJIUzM4NCJ9.eyJzdWIiOiJ7XCJwbGF0Zm9ybVwiOlwiYnl0ZWRlc2tcIi"
            + "xcInVzZXJuYW1lXCI6XCJhZG1pbkBlbWFpbC5jb21cIn0iLCJpYXQiOjE3NTI3MjQ4MzIsImV4cCI6MTc1NTMxNjgzMn0."
            + "3Q5ZXyNHImEGCErPkRXWG6rnFK1F_z77kTE6iRlpKmzUAtRpJZinjM_O0J0GebtM";
    /** The original's published default development secret (Base64 text; decodes to 48 bytes). */
    private static final String ORIGINAL_SECRET = "1dfaf8d004207b628a9a6b859c429f49a9a7ead9fd8161c1e60847aeef06dbd2";
    private static final Instant EXAMPLE_IAT = Instant.ofEpochSecond(1752724832L);
    private static final Instant EXAMPLE_EXP = Instant.ofEpochSecond(1755316832L);

    private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY32 = randomBytes(32);
    private static final byte[] KEY48 = randomBytes(48);
    private static final byte[] KEY64 = randomBytes(64);

    private static RSAKey rsa;
    private static RSAKey otherRsa;
    private static ECKey ec;
    private static ECKey otherEc;

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        otherRsa = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        otherEc = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
    }

    // --- the original product's tokens -------------------------------------------------------------------------

    @Test
    void originalExampleTokenIsRefusedAsExpiredNotAsBadSignature() {
        AccessTokenVerifier verifier = verifier(originalSettings());
        TokenRejectedException e = assertRejected(Reason.EXPIRED, verifier, EXAMPLE_TOKEN);
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        // Also with the real clock: it expired in August 2025 and stays expired.
        assertRejected(Reason.EXPIRED, new AccessTokenVerifier(originalSettings(), Clock.systemUTC()), EXAMPLE_TOKEN);
    }

    @Test
    void originalExampleTokenIsAcceptedInsideItsValidity() {
        Clock inside = Clock.fixed(EXAMPLE_IAT.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        VerifiedToken token = new AccessTokenVerifier(originalSettings(), inside).verify(EXAMPLE_TOKEN);
        assertEquals("admin@email.com", token.username());
        assertEquals(EXAMPLE_EXP, token.expiresAt());
        assertEquals(Optional.empty(), token.organisation());
        assertEquals("{\"platform\":\"bytedesk\",\"username\":\"admin@email.com\"}", token.claims().get("sub"));
    }

    @Test
    void originalExampleTokenNeedsTheBase64DecodedSecret() {
        Clock inside = Clock.fixed(EXAMPLE_IAT.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        // The secret's own characters as the key (64 bytes) do not verify it: the key is the Base64 decoding.
        TokenSettings rawText = hmacSettings(ORIGINAL_SECRET.getBytes(StandardCharsets.US_ASCII));
        assertRejected(Reason.BAD_SIGNATURE, new AccessTokenVerifier(rawText, inside), EXAMPLE_TOKEN);
        assertRejected(Reason.BAD_SIGNATURE, new AccessTokenVerifier(hmacSettings(KEY48), inside), EXAMPLE_TOKEN);
    }

    @Test
    void originalSecretDecodesTo48Bytes() {
        assertEquals(48, TokenSettings.fromStrings(ORIGINAL_SECRET, null, null, null, null).hmacKey().get().length);
    }

    @Test
    void freshTokenMadeLikeTheOriginalIsAccepted() throws Exception {
        byte[] key = Base64.getDecoder().decode(ORIGINAL_SECRET);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"agent7@email.com\"}")
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plus(Duration.ofDays(30))))
                .build();
        String token = sign(new JWSHeader(JWSAlgorithm.HS384), claims, new MACSigner(key));
        assertTrue(token.startsWith("eyJhbGciOiJIUzM4NCJ9."), "same header as the original");
        VerifiedToken verified = verifier(originalSettings()).verify(token);
        assertEquals("agent7@email.com", verified.username());
        assertEquals(NOW.plus(Duration.ofDays(30)), verified.expiresAt());
    }

    // --- accepted algorithms ------------------------------------------------------------------------------------

    @Test
    void hs256AndHs512WithAdequateKeysAreAccepted() throws Exception {
        assertEquals("agent-1", verifier(hmacSettings(KEY32)).verify(hmac(JWSAlgorithm.HS256, KEY32)).username());
        assertEquals("agent-1", verifier(hmacSettings(KEY64)).verify(hmac(JWSAlgorithm.HS512, KEY64)).username());
        // A longer secret serves every shorter hash too.
        assertEquals("agent-1", verifier(hmacSettings(KEY64)).verify(hmac(JWSAlgorithm.HS256, KEY64)).username());
    }

    @Test
    void secretTooShortForTheTokensAlgorithmIsReportedAsSuch() throws Exception {
        String hs512 = hmac(JWSAlgorithm.HS512, KEY64);
        TokenRejectedException e = assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(hmacSettings(KEY48)), hs512);
        assertTrue(e.getMessage().contains("too short") && e.getMessage().contains("HS512"), e.getMessage());
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(hmacSettings(KEY32)), hmac(JWSAlgorithm.HS384, KEY48));
    }

    @Test
    void rs256ViaPemAndViaJwks() throws Exception {
        String token = sign(new JWSHeader(JWSAlgorithm.RS256), claims().build(), new RSASSASigner(rsa));
        assertEquals("agent-1", verifier(publicSettings(pem(rsa.toRSAPublicKey()))).verify(token).username());
        assertEquals("agent-1", verifier(publicSettings(jwks())).verify(token).username());
    }

    @Test
    void es256ViaPemAndViaJwks() throws Exception {
        String token = sign(new JWSHeader(JWSAlgorithm.ES256), claims().build(), new ECDSASigner(ec));
        assertEquals("agent-1", verifier(publicSettings(pem(ec.toECPublicKey()))).verify(token).username());
        assertEquals("agent-1", verifier(publicSettings(jwks())).verify(token).username());
        // A single JWK (not a set) works as well.
        assertEquals("agent-1", verifier(publicSettings(ec.toPublicJWK().toJSONString())).verify(token).username());
    }

    @Test
    void jwksChoosesTheKeyByKidOrTriesEveryKeyOfTheType() throws Exception {
        AccessTokenVerifier verifier = verifier(publicSettings(jwks()));
        JWTClaimsSet c = claims().build();
        String byKid = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(), c,
                new RSASSASigner(otherRsa));
        String noKid = sign(new JWSHeader(JWSAlgorithm.RS256), c, new RSASSASigner(otherRsa));
        String ecNoKid = sign(new JWSHeader(JWSAlgorithm.ES256), c, new ECDSASigner(otherEc));
        assertEquals("agent-1", verifier.verify(byKid).username());
        assertEquals("agent-1", verifier.verify(noKid).username());
        assertEquals("agent-1", verifier.verify(ecNoKid).username());

        String unknownKid = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nope").build(), c,
                new RSASSASigner(otherRsa));
        assertRejected(Reason.BAD_SIGNATURE, verifier, unknownKid);
        String wrongKid = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), c,
                new RSASSASigner(otherRsa));
        assertRejected(Reason.BAD_SIGNATURE, verifier, wrongKid);
    }

    @Test
    void pemKeyWithoutKidStillVerifiesATokenCarryingAKid() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("whatever").build(), claims().build(),
                new RSASSASigner(rsa));
        assertEquals("agent-1", verifier(publicSettings(pem(rsa.toRSAPublicKey()))).verify(token).username());
    }

    // --- the bad-token matrix -----------------------------------------------------------------------------------

    @Test
    void expiredBeyondSkewIsRefusedWithinSkewIsAccepted() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        assertRejected(Reason.EXPIRED, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().expirationTime(Date.from(NOW.minusSeconds(120))).build()));
        assertEquals("agent-1", verifier.verify(
                hmac(JWSAlgorithm.HS256, KEY32, claims().expirationTime(Date.from(NOW.minusSeconds(30))).build()))
                .username());
        AccessTokenVerifier strict = verifier(hmacSettings(KEY32).withClockSkew(Duration.ZERO));
        assertRejected(Reason.EXPIRED, strict,
                hmac(JWSAlgorithm.HS256, KEY32, claims().expirationTime(Date.from(NOW.minusSeconds(1))).build()));
    }

    @Test
    void notYetValidByNbfOrFutureIat() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        assertRejected(Reason.NOT_YET_VALID, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().notBeforeTime(Date.from(NOW.plusSeconds(300))).build()));
        assertRejected(Reason.NOT_YET_VALID, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().issueTime(Date.from(NOW.plusSeconds(300))).build()));
        assertEquals("agent-1", verifier.verify(
                hmac(JWSAlgorithm.HS256, KEY32, claims().notBeforeTime(Date.from(NOW.plusSeconds(30))).build()))
                .username());
    }

    @Test
    void tokenWithoutExpIsRefusedUnlessExpiryIsNotRequired() throws Exception {
        String noExp = hmac(JWSAlgorithm.HS256, KEY32, claims().expirationTime(null).build());
        TokenRejectedException e = assertRejected(Reason.NO_EXPIRY, verifier(hmacSettings(KEY32)), noExp);
        assertTrue(e.getMessage().contains("exp"), e.getMessage());
        assertRejected(Reason.NO_EXPIRY, verifier(TokenSettings.fromStrings(b64(KEY32), null, null, null, null)), noExp);
        VerifiedToken token = verifier(hmacSettings(KEY32).withRequiredExpiry(false)).verify(noExp);
        assertNull(token.expiresAt());
    }

    @Test
    void wrongKeysAndTamperingAreBadSignatures() throws Exception {
        assertRejected(Reason.BAD_SIGNATURE, verifier(hmacSettings(KEY32)), hmac(JWSAlgorithm.HS256, randomBytes(32)));
        String byOtherRsa = sign(new JWSHeader(JWSAlgorithm.RS256), claims().build(), new RSASSASigner(otherRsa));
        assertRejected(Reason.BAD_SIGNATURE, verifier(publicSettings(pem(rsa.toRSAPublicKey()))), byOtherRsa);
        String byOtherEc = sign(new JWSHeader(JWSAlgorithm.ES256), claims().build(), new ECDSASigner(otherEc));
        assertRejected(Reason.BAD_SIGNATURE, verifier(publicSettings(pem(ec.toECPublicKey()))), byOtherEc);

        String good = hmac(JWSAlgorithm.HS256, KEY32);
        String[] parts = good.split("\\.");
        String otherPayload = b64url(claims().subject("admin").build().toString());
        assertRejected(Reason.BAD_SIGNATURE, verifier(hmacSettings(KEY32)),
                parts[0] + "." + otherPayload + "." + parts[2]);
        // A stripped signature on a JWS header is structurally invalid: refused before any key is used.
        assertRejected(Reason.MALFORMED, verifier(hmacSettings(KEY32)), parts[0] + "." + parts[1] + ".");
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String payload = b64url(claims().build().toString());
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier, b64url("{\"alg\":\"none\"}") + "." + payload + ".");
        // Still refused with a (stolen) signature attached.
        String stolen = hmac(JWSAlgorithm.HS256, KEY32).split("\\.")[2];
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier,
                b64url("{\"alg\":\"none\"}") + "." + payload + "." + stolen);
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(jwks())),
                b64url("{\"alg\":\"none\"}") + "." + payload + ".");
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier, new PlainJWT(claims().build()).serialize());
    }

    @Test
    void hmacTokenIsNeverVerifiedWithPublicKeyMaterial() throws Exception {
        String pemText = pem(rsa.toRSAPublicKey());
        String withDer = hmac(JWSAlgorithm.HS256, rsa.toRSAPublicKey().getEncoded());
        String withPem = hmac(JWSAlgorithm.HS256, pemText.getBytes(StandardCharsets.US_ASCII));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(pemText)), withDer);
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(pemText)), withPem);
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(jwks())), withDer);
        // With a (different) shared secret configured as well, the HMAC key is used and the forgery fails.
        TokenSettings both = new TokenSettings(Optional.of(KEY32), Optional.of(pemText), Optional.empty(),
                Optional.empty(), Optional.empty(), null);
        assertRejected(Reason.BAD_SIGNATURE, verifier(both), withDer);
        assertRejected(Reason.BAD_SIGNATURE, verifier(both), withPem);
        String rs256 = sign(new JWSHeader(JWSAlgorithm.RS256), claims().build(), new RSASSASigner(rsa));
        assertEquals("agent-1", verifier(both).verify(rs256).username());
    }

    @Test
    void publicKeyTokenIsNeverVerifiedWithTheSharedSecret() throws Exception {
        String rs256 = sign(new JWSHeader(JWSAlgorithm.RS256), claims().build(), new RSASSASigner(rsa));
        String es256 = sign(new JWSHeader(JWSAlgorithm.ES256), claims().build(), new ECDSASigner(ec));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(hmacSettings(KEY64)), rs256);
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(hmacSettings(KEY64)), es256);
        // ES256 with only an RSA key configured, and with an EC key on another curve.
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(pem(rsa.toRSAPublicKey()))), es256);
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(pem(p384.toECPublicKey()))), es256);
    }

    @Test
    void symmetricKeysInAJwksAreIgnored() throws Exception {
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).keyID("oct").generate();
        String set = new JWKSet(List.of(oct, rsa.toPublicJWK())).toString(false);
        String hs = hmac(JWSAlgorithm.HS256, oct.toByteArray());
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(set)), hs);
        String onlyOct = new JWKSet(oct).toString(false);
        assertThrows(IllegalArgumentException.class, () -> verifier(publicSettings(onlyOct)));
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        String rs512 = sign(new JWSHeader(JWSAlgorithm.RS512), claims().build(), new RSASSASigner(rsa));
        TokenRejectedException e =
                assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(pem(rsa.toRSAPublicKey()))), rs512);
        assertTrue(e.getMessage().contains("RS512"), e.getMessage());
        String ps256 = sign(new JWSHeader(JWSAlgorithm.PS256), claims().build(), new RSASSASigner(rsa));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(jwks())), ps256);
        // An attacker-chosen algorithm name is not echoed into the page.
        String evil = b64url("{\"alg\":\"<script>\"}") + "." + b64url(claims().build().toString()) + ".c2ln";
        TokenRejectedException evilE = assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(hmacSettings(KEY32)), evil);
        assertFalse(evilE.getMessage().contains("<"), evilE.getMessage());
    }

    @Test
    void encryptedTokensAreRefused() throws Exception {
        EncryptedJWT direct = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
                claims().build());
        direct.encrypt(new DirectEncrypter(KEY32));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(hmacSettings(KEY32)), direct.serialize());
        EncryptedJWT toRsa = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                claims().build());
        toRsa.encrypt(new RSAEncrypter(rsa.toRSAPublicKey()));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier(publicSettings(jwks())), toRsa.serialize());
    }

    @Test
    void issuerIsCheckedOnlyWhenConfigured() throws Exception {
        TokenSettings withIssuer = TokenSettings.fromStrings(b64(KEY32), null, "https://idp.example", null, null);
        AccessTokenVerifier verifier = new AccessTokenVerifier(withIssuer, CLOCK);
        assertEquals("agent-1",
                verifier.verify(hmac(JWSAlgorithm.HS256, KEY32, claims().issuer("https://idp.example").build()))
                        .username());
        assertRejected(Reason.WRONG_ISSUER, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().issuer("https://evil.example").build()));
        assertRejected(Reason.WRONG_ISSUER, verifier, hmac(JWSAlgorithm.HS256, KEY32));
        assertEquals("agent-1", verifier(hmacSettings(KEY32))
                .verify(hmac(JWSAlgorithm.HS256, KEY32, claims().issuer("https://anyone.example").build()))
                .username());
    }

    @Test
    void audienceMustContainTheConfiguredValue() throws Exception {
        TokenSettings withAudience = TokenSettings.fromStrings(b64(KEY32), null, null, "agent-console", null);
        AccessTokenVerifier verifier = new AccessTokenVerifier(withAudience, CLOCK);
        assertEquals("agent-1", verifier.verify(
                hmac(JWSAlgorithm.HS256, KEY32, claims().audience("agent-console").build())).username());
        assertEquals("agent-1", verifier.verify(
                hmac(JWSAlgorithm.HS256, KEY32, claims().audience(List.of("crm", "agent-console")).build()))
                .username());
        assertRejected(Reason.WRONG_AUDIENCE, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().audience(List.of("crm", "billing")).build()));
        assertRejected(Reason.WRONG_AUDIENCE, verifier, hmac(JWSAlgorithm.HS256, KEY32));
    }

    @Test
    void missingOrUnusableSubjectIsRefused() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        assertRejected(Reason.NO_SUBJECT, verifier, hmac(JWSAlgorithm.HS256, KEY32, claims().subject(null).build()));
        assertRejected(Reason.NO_SUBJECT, verifier, hmac(JWSAlgorithm.HS256, KEY32, claims().subject("  ").build()));
        assertRejected(Reason.NO_SUBJECT, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().subject("{\"platform\":\"bytedesk\"}").build()));
        assertRejected(Reason.NO_SUBJECT, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().subject("{\"username\":\"\"}").build()));
        assertRejected(Reason.NO_SUBJECT, verifier,
                hmac(JWSAlgorithm.HS256, KEY32, claims().subject(null).claim("upn", 42).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "a.b", "a.b.c", "a.b.c.d", "....", "eyJhbGciOiJIUzI1NiJ9.%%%.###",
            "eyJhbGciOiJIUzI1NiJ9", "bnVsbA.e30.", "W10.e30.c2ln"})
    void garbageIsMalformed(String token) {
        assertRejected(Reason.MALFORMED, verifier(hmacSettings(KEY32)), token);
    }

    @Test
    void nullAndOversizedTokensAreMalformed() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        assertRejected(Reason.MALFORMED, verifier, null);
        assertRejected(Reason.MALFORMED, verifier, "a".repeat(10 * 1024));
        String big = hmac(JWSAlgorithm.HS256, KEY32, claims().claim("pad", "x".repeat(9000)).build());
        assertRejected(Reason.MALFORMED, verifier, big);
    }

    @Test
    void correctlySignedNonJsonOrBadlyTypedClaimsAreMalformed() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        JWSObject notJson = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload("not json"));
        notJson.sign(new MACSigner(KEY32));
        assertRejected(Reason.MALFORMED, verifier, notJson.serialize());
        JWSObject array = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload("[1,2]"));
        array.sign(new MACSigner(KEY32));
        assertRejected(Reason.MALFORMED, verifier, array.serialize());
        // A correctly typed claims set with a badly typed member is an unusable claim, named as such.
        assertRejected(Reason.INVALID_CLAIM, verifier, signedJson("{\"sub\":\"agent-1\",\"exp\":\"tomorrow\"}"));
    }

    @Test
    void timesThatAreNotNumericDatesUpToTheYear9999AreUnusableNotExpiredIn1969() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        long iat = NOW.minusSeconds(60).getEpochSecond();
        long exp = NOW.plusSeconds(600).getEpochSecond();
        for (String bad : List.of("1e308", "99999999999999999999", "253402300800", "-1", "-1e9", "\"tomorrow\"",
                "\"" + exp + "\"", "null", "true", "[" + exp + "]", "{}")) {
            for (String claim : List.of("exp", "nbf", "iat")) {
                String json = "{\"sub\":\"agent-1\",\"iat\":" + (claim.equals("iat") ? bad : iat) + ",\"exp\":"
                        + (claim.equals("exp") ? bad : exp) + (claim.equals("nbf") ? ",\"nbf\":" + bad : "") + "}";
                TokenRejectedException e = assertThrows(TokenRejectedException.class,
                        () -> verifier.verify(signedJson(json)));
                assertEquals(Reason.INVALID_CLAIM, e.reason(), json);
                assertTrue(e.getMessage().contains(claim + " claim is not a time"), json + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("1969"), e.getMessage());
            }
        }
    }

    @Test
    void farFutureAndFractionalTimesAreUsable() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        long year2100 = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        assertEquals(Instant.ofEpochSecond(year2100),
                verifier.verify(signedJson("{\"sub\":\"agent-1\",\"exp\":" + year2100 + "}")).expiresAt());
        assertEquals(Instant.ofEpochSecond(AccessTokenVerifier.MAX_NUMERIC_DATE), verifier.verify(signedJson(
                "{\"sub\":\"agent-1\",\"exp\":" + AccessTokenVerifier.MAX_NUMERIC_DATE + "}")).expiresAt());
        // RFC 7519 allows fractions; the whole seconds count.
        long exp = NOW.plusSeconds(600).getEpochSecond();
        assertEquals(Instant.ofEpochSecond(exp), verifier.verify(signedJson("{\"sub\":\"agent-1\",\"exp\":" + exp
                + ".75,\"nbf\":0,\"iat\":" + (exp - 700) + ".5}")).expiresAt());
        // A fractional time in the past is an ordinary expiry, with its real date.
        TokenRejectedException old = assertRejected(Reason.EXPIRED, verifier,
                signedJson("{\"sub\":\"agent-1\",\"exp\":1.5e9}"));
        assertTrue(old.getMessage().contains("2017-07-14T02:40:00Z"), old.getMessage());
    }

    @Test
    void nothingConfiguredRefusesEverything() throws Exception {
        AccessTokenVerifier verifier = verifier(TokenSettings.fromStrings(" ", "", null, " ", null));
        assertRejected(Reason.NOT_CONFIGURED, verifier, hmac(JWSAlgorithm.HS256, KEY32));
        assertRejected(Reason.NOT_CONFIGURED, verifier, "abc");
    }

    // --- claims -------------------------------------------------------------------------------------------------

    @Test
    void usernamePrecedenceIsUpnThenPreferredUsernameThenSub() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        JWTClaimsSet all = claims().subject("s").claim("preferred_username", "p").claim("upn", "u").build();
        assertEquals("u", verifier.verify(hmac(JWSAlgorithm.HS256, KEY32, all)).username());
        JWTClaimsSet noUpn = claims().subject("s").claim("preferred_username", "p").build();
        assertEquals("p", verifier.verify(hmac(JWSAlgorithm.HS256, KEY32, noUpn)).username());
        JWTClaimsSet blankUpn = claims().subject("s").claim("upn", " ").claim("preferred_username", "p").build();
        assertEquals("p", verifier.verify(hmac(JWSAlgorithm.HS256, KEY32, blankUpn)).username());
        assertEquals("agent-1", verifier.verify(hmac(JWSAlgorithm.HS256, KEY32)).username());
        JWTClaimsSet jsonUpn = claims().claim("upn", "{\"platform\":\"bytedesk\",\"username\":\"x@y.z\"}").build();
        assertEquals("x@y.z", verifier.verify(hmac(JWSAlgorithm.HS256, KEY32, jsonUpn)).username());
    }

    @Test
    void organisationComesFromTheConfiguredClaim() throws Exception {
        AccessTokenVerifier verifier =
                new AccessTokenVerifier(TokenSettings.fromStrings(b64(KEY32), null, null, null, "org_uid"), CLOCK);
        VerifiedToken withOrg = verifier.verify(
                hmac(JWSAlgorithm.HS256, KEY32, claims().claim("org_uid", "org-42").claim("team", "blue").build()));
        assertEquals(Optional.of("org-42"), withOrg.organisation());
        assertEquals("blue", withOrg.claims().get("team"));
        assertEquals(NOW.plusSeconds(600).getEpochSecond(), ((Number) withOrg.claims().get("exp")).longValue());
        assertThrows(UnsupportedOperationException.class, () -> withOrg.claims().put("x", "y"));
        assertEquals(Optional.empty(), verifier.verify(hmac(JWSAlgorithm.HS256, KEY32)).organisation());
        assertEquals(Optional.empty(), verifier(hmacSettings(KEY32))
                .verify(hmac(JWSAlgorithm.HS256, KEY32, claims().claim("org_uid", "org-42").build())).organisation());
    }

    @Test
    void anOrganisationClaimThatIsNotUsableTextIsRefusedNotMappedToTheDefault() throws Exception {
        AccessTokenVerifier verifier =
                new AccessTokenVerifier(TokenSettings.fromStrings(b64(KEY32), null, null, null, "org_uid"), CLOCK);
        for (Object value : List.of(42, true, List.of("org-1"), java.util.Map.of("uid", "org-1"), "", "  ",
                "o".repeat(65), "org\u0000", "org\n1", "org\u0085", "org\u2028")) {
            TokenRejectedException e = assertRejected(Reason.INVALID_CLAIM, verifier,
                    hmac(JWSAlgorithm.HS256, KEY32, claims().claim("org_uid", value).build()));
            assertTrue(e.getMessage().contains("organisation"), e.getMessage());
        }
        long exp = NOW.plusSeconds(600).getEpochSecond();
        TokenRejectedException nullOrg = assertRejected(Reason.INVALID_CLAIM, verifier,
                signedJson("{\"sub\":\"agent-1\",\"exp\":" + exp + ",\"org_uid\":null}"));
        assertTrue(nullOrg.getMessage().contains("organisation"), nullOrg.getMessage());
        assertEquals(Optional.empty(), verifier.verify(signedJson("{\"sub\":\"agent-1\",\"exp\":" + exp + "}"))
                .organisation(), "absent: the default organisation");
        assertEquals(Optional.of("o".repeat(64)), verifier.verify(
                hmac(JWSAlgorithm.HS256, KEY32, claims().claim("org_uid", "o".repeat(64)).build())).organisation());
    }

    @Test
    void aUserNameWithControlCharactersIsRefusedWhereverItComesFrom() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        for (String c : List.of("\u0000", "\u0007", "\n", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028",
                "\u2029")) {
            String name = "z" + c + "@x";
            for (JWTClaimsSet set : List.of(claims().subject(name).build(), claims().claim("upn", name).build(),
                    claims().subject(null).claim("preferred_username", name).build(),
                    claims().subject(JSONObjectUtils.toJSONString(
                            java.util.Map.of("platform", "bytedesk", "username", name))).build())) {
                TokenRejectedException e = assertRejected(Reason.INVALID_CLAIM, verifier,
                        hmac(JWSAlgorithm.HS256, KEY32, set));
                assertEquals("The access token's user name contains control characters.", e.getMessage());
            }
        }
        // Other Unicode is a name like any other.
        assertEquals("Zoë 名前", verifier.verify(hmac(JWSAlgorithm.HS256, KEY32,
                claims().subject("{\"username\":\"Zoë 名前\"}").build())).username());
    }

    @Test
    void aUserNameLongerThanTheAgentTableTakesIsRefused() throws Exception {
        AccessTokenVerifier verifier = verifier(hmacSettings(KEY32));
        String longName = "u".repeat(201);
        for (JWTClaimsSet c : List.of(claims().subject(longName).build(), claims().claim("upn", longName).build(),
                claims().subject("{\"platform\":\"bytedesk\",\"username\":\"" + longName + "\"}").build())) {
            TokenRejectedException e = assertRejected(Reason.INVALID_CLAIM, verifier, hmac(JWSAlgorithm.HS256, KEY32, c));
            assertTrue(e.getMessage().contains("200"), e.getMessage());
            assertFalse(e.getMessage().contains(longName), "the claim is not echoed");
        }
        assertEquals("u".repeat(200),
                verifier.verify(hmac(JWSAlgorithm.HS256, KEY32, claims().subject("u".repeat(200)).build())).username());
    }

    // --- settings -----------------------------------------------------------------------------------------------

    @Test
    void fromStringsRejectsShortOrNonBase64Secrets() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> TokenSettings.fromStrings(b64(randomBytes(31)), null, null, null, null));
        assertTrue(shortKey.getMessage().contains("32"), shortKey.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TokenSettings.fromStrings("c2hvcnQ=", null, null, null, null));
        IllegalArgumentException notB64 = assertThrows(IllegalArgumentException.class,
                () -> TokenSettings.fromStrings("not*base64*at*all", null, null, null, null));
        assertFalse(notB64.getMessage().contains("not*base64"), notB64.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TokenSettings(Optional.of(new byte[16]), null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> hmacSettings(KEY32).withClockSkew(Duration.ofSeconds(-1)));
    }

    @Test
    void fromStringsAcceptsUrlSafeBase64WithWhitespaceAndTreatsBlankAsAbsent() {
        byte[] key = new byte[48];
        java.util.Arrays.fill(key, (byte) 0xfb); // encodes to '+'/'/' or '-'/'_' depending on the alphabet
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        assertTrue(urlSafe.contains("-") || urlSafe.contains("_"));
        String spaced = urlSafe.substring(0, 20) + "\n  " + urlSafe.substring(20) + " ";
        TokenSettings settings = TokenSettings.fromStrings(spaced, "  ", "", null, "\t");
        assertArrayEquals(key, settings.hmacKey().get());
        assertArrayEquals(key, TokenSettings.fromStrings(Base64.getEncoder().encodeToString(key), null, null, null,
                null).hmacKey().get());
        assertEquals(Optional.empty(), settings.publicKey());
        assertEquals(Optional.empty(), settings.issuer());
        assertEquals(Optional.empty(), settings.audience());
        assertEquals(Optional.empty(), settings.organisationClaim());
        assertEquals(TokenSettings.DEFAULT_CLOCK_SKEW, settings.clockSkew());
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertFalse(settings.toString().contains(urlSafe));
    }

    @Test
    void settingsKeepTheirOwnCopyOfTheKey() throws Exception {
        byte[] key = KEY32.clone();
        TokenSettings settings = hmacSettings(key);
        key[0] ^= 1;
        settings.hmacKey().get()[1] ^= 1;
        assertEquals("agent-1", verifier(settings).verify(hmac(JWSAlgorithm.HS256, KEY32)).username());
    }

    @Test
    void unusablePublicKeyTextIsRefusedUpFront() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> verifier(publicSettings("not a key")));
        assertThrows(IllegalArgumentException.class, () -> verifier(publicSettings("{\"keys\":[{\"kty\":\"??\"}]}")));
        assertThrows(IllegalArgumentException.class, () -> verifier(publicSettings(
                "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n")));
        assertThrows(IllegalArgumentException.class, () -> verifier(publicSettings(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")));
        KeyPairGenerator weak = KeyPairGenerator.getInstance("RSA");
        weak.initialize(1024);
        String weakPem = pem(weak.generateKeyPair().getPublic());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> verifier(publicSettings(weakPem)));
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static TokenRejectedException assertRejected(Reason reason, AccessTokenVerifier verifier, String token) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isBlank());
        if (token != null && token.length() > 5) {
            assertFalse(e.getMessage().contains(token), "message echoes the token");
            for (String part : token.split("\\.")) {
                assertFalse(part.length() > 5 && e.getMessage().contains(part), "message echoes a token segment");
            }
        }
        return e;
    }

    private static AccessTokenVerifier verifier(TokenSettings settings) {
        return new AccessTokenVerifier(settings, CLOCK);
    }

    private static TokenSettings originalSettings() {
        return TokenSettings.fromStrings(ORIGINAL_SECRET, null, null, null, null);
    }

    private static TokenSettings hmacSettings(byte[] key) {
        return new TokenSettings(Optional.of(key), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), null);
    }

    private static TokenSettings publicSettings(String text) {
        return TokenSettings.fromStrings(null, text, null, null, null);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("agent-1")
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    /** Claims exactly as written (JSON nulls, odd numbers), signed HS256 with {@link #KEY32}. */
    private static String signedJson(String json) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(json));
        jws.sign(new MACSigner(KEY32));
        return jws.serialize();
    }

    private static String hmac(JWSAlgorithm alg, byte[] key) throws JOSEException {
        return hmac(alg, key, claims().build());
    }

    private static String hmac(JWSAlgorithm alg, byte[] key, JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader(alg), claims, new MACSigner(key));
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** PEM the way tools write it: X.509 SubjectPublicKeyInfo, Base64 MIME lines of 64. */
    private static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static String jwks() {
        return new JWKSet(List.of(rsa.toPublicJWK(), otherRsa.toPublicJWK(), ec.toPublicJWK(), otherEc.toPublicJWK()))
                .toString();
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
