package dev.agentconsole.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.agentconsole.web.auth.TokenRejectedException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading RS256/ES256 keys: from text and files, and from a JWKS URL served on loopback by a real HTTP server. */
class PublicKeyLocationTest {

    private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);

    private static RSAKey first;
    private static RSAKey rotated;

    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean hang = new AtomicBoolean();
    private final SettableClock keyClock = new SettableClock(NOW);
    private HttpServer server;
    private ExecutorService handlers;

    @BeforeAll
    static void keys() throws JOSEException {
        first = new RSAKeyGenerator(2048).keyID("key-1").generate();
        rotated = new RSAKeyGenerator(2048).keyID("key-2").generate();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    @Test
    void anUnknownKidFetchesTheKeySetAgainAtMostOncePerInterval() throws Exception {
        URI jwks = serve();
        served.set(set(first));
        VerificationKeys keys = PublicKeyLocation.open(jwks.toString(), Duration.ofSeconds(5), MIN_REFRESH, keyClock);
        AccessTokenVerifier verifier = verifier(keys);
        assertEquals(1, fetches.get(), "fetched at start");
        assertEquals("agent-1", verifier.verify(token(first, "key-1")).username());
        assertEquals(1, fetches.get(), "a known kid needs no fetch");

        keyClock.advance(MIN_REFRESH);
        served.set(set(rotated));
        assertEquals("agent-1", verifier.verify(token(rotated, "key-2")).username(), "the issuer rotated its key");
        assertEquals(2, fetches.get());

        // An attacker's made-up kids: refused, and no fetch until the interval has passed.
        assertRejected(Reason.BAD_SIGNATURE, verifier, token(rotated, "made-up-1"));
        assertRejected(Reason.BAD_SIGNATURE, verifier, token(rotated, "made-up-2"));
        assertEquals(2, fetches.get());
        keyClock.advance(MIN_REFRESH);
        assertRejected(Reason.BAD_SIGNATURE, verifier, token(rotated, "made-up-3"));
        assertRejected(Reason.BAD_SIGNATURE, verifier, token(rotated, "made-up-4"));
        assertEquals(3, fetches.get());
    }

    @Test
    void aFailedFetchKeepsTheKeysWeHad() throws Exception {
        URI jwks = serve();
        served.set(set(first));
        VerificationKeys keys = PublicKeyLocation.open(jwks.toString(), Duration.ofSeconds(5), MIN_REFRESH, keyClock);
        AccessTokenVerifier verifier = verifier(keys);
        status.set(500);
        keyClock.advance(PublicKeyLocation.MAX_KEY_AGE);
        assertEquals("agent-1", verifier.verify(token(first, "key-1")).username());
        assertEquals(2, fetches.get(), "keys older than their maximum age are fetched again");

        status.set(200);
        served.set("{\"keys\":[{\"kty\":\"??\"}]}");
        keyClock.advance(MIN_REFRESH);
        assertRejected(Reason.BAD_SIGNATURE, verifier, token(rotated, "key-2"));
        assertEquals(3, fetches.get());
        assertEquals("agent-1", verifier.verify(token(first, "key-1")).username(), "an unusable set is not taken");
    }

    @Test
    void aKeySetThatDoesNotAnswerIsGivenUpOnAfterTheTimeout() throws Exception {
        URI jwks = serve();
        served.set(set(first));
        VerificationKeys keys = PublicKeyLocation.open(jwks.toString(), Duration.ofSeconds(1), MIN_REFRESH, keyClock);
        AccessTokenVerifier verifier = verifier(keys);
        hang.set(true);
        keyClock.advance(MIN_REFRESH);
        // Without the timeout this would wait for the endpoint until the test ends.
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertRejected(Reason.BAD_SIGNATURE, verifier, token(rotated, "key-2")));
        assertEquals(2, fetches.get(), "the endpoint was asked");
        assertEquals("agent-1", verifier.verify(token(first, "key-1")).username(), "the keys we had still work");
    }

    @Test
    void keySetUrlsMustBeHttpsExceptOnLoopback() {
        for (String refused : new String[] {"http://idp.example.com/jwks", "http://10.0.0.1/jwks",
                "http://localhost.evil.example/jwks", "http://127.0.0.1.nip.io/jwks"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PublicKeyLocation.open(refused, Duration.ofSeconds(1), MIN_REFRESH, keyClock), refused);
            assertTrue(e.getMessage().contains("https"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> RemoteJwks.requireAllowed(URI.create("ftp://127.0.0.1/k")));
        for (String allowed : new String[] {"https://idp.example.com/jwks", "http://localhost:1/jwks",
                "http://127.0.0.1:1/jwks", "http://[::1]:1/jwks", "HTTPS://IDP.example.com/jwks"}) {
            assertEquals(URI.create(allowed), RemoteJwks.requireAllowed(URI.create(allowed)), allowed);
        }
    }

    @Test
    void keysAreReadFromTheTextAFilePathOrAFileUrl(@TempDir Path dir) throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                first.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        Path pemFile = Files.writeString(dir.resolve("key.pem"), pem);
        Path jwksFile = Files.writeString(dir.resolve("keys.json"), set(first));
        String token = token(first, "key-1");
        for (String location : new String[] {pem, set(first), pemFile.toString(), jwksFile.toUri().toString()}) {
            VerificationKeys keys = PublicKeyLocation.open(location, Duration.ofSeconds(1), MIN_REFRESH, keyClock);
            assertEquals("agent-1", verifier(keys).verify(token).username(), location);
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PublicKeyLocation.open(
                dir.resolve("absent.pem").toString(), Duration.ofSeconds(1), MIN_REFRESH, keyClock));
        assertTrue(missing.getMessage().contains("absent.pem"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PublicKeyLocation.open(
                Files.writeString(dir.resolve("junk.pem"), "junk").toString(), Duration.ofSeconds(1), MIN_REFRESH,
                keyClock));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A JWKS endpoint on loopback; once {@link #hang} is set it never answers (until the test ends). */
    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            if (hang.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = String.valueOf(served.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    private static AccessTokenVerifier verifier(VerificationKeys keys) {
        return new AccessTokenVerifier(TokenSettings.fromStrings(null, null, null, null, null), keys,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String set(RSAKey key) {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private static String token(RSAKey signer, String kid) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("agent-1")
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static void assertRejected(Reason reason, AccessTokenVerifier verifier, String token) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    /** The key set's clock, moved by the test instead of waiting. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
