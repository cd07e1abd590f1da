package dev.agentconsole.web.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A JWKS fetched from the issuer's URL. Fetched at start, again when a token names a {@code kid} we do not know (the
 * issuer rotated its keys) and when the keys are older than {@code maxAge}. Fetches are at least
 * {@code minRefreshInterval} apart, so tokens with made-up kids cannot make us fetch constantly; each fetch gives up
 * after {@code timeout}. A failed fetch keeps the keys we had. Only {@code https}, except on the loopback interface.
 */
public final class RemoteJwks implements VerificationKeys {

    /** Far above any real key set; bounds what a misbehaving endpoint can make us read. */
    static final int MAX_BYTES = 1 << 20;

    private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());

    private final URI location;
    private final HttpClient client;
    private final Duration timeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;

    private volatile List<VerificationKey> keys = List.of();
    private volatile Instant fetchedAt;
    /** Guarded by this: when the last fetch started, successful or not. */
    private Instant lastAttempt;

    /** @throws IllegalArgumentException if the URL is not {@code https} (or {@code http} on loopback) */
    public RemoteJwks(URI location, Duration timeout, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.location = requireAllowed(location);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Redirects are not followed: one could lead from https to plain http.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches the key set now; false (with one log line) when that did not work. */
    public boolean load() {
        synchronized (this) {
            return fetch();
        }
    }

    @Override
    public List<VerificationKey> current() {
        Instant at = fetchedAt;
        if (at == null || !clock.instant().isBefore(at.plus(maxAge))) {
            refreshIfAllowed();
        }
        return keys;
    }

    @Override
    public List<VerificationKey> afterUnknownKeyId(String kid) {
        refreshIfAllowed();
        return keys;
    }

    private void refreshIfAllowed() {
        synchronized (this) {
            // A request that waited here while another fetched finds the fresh keys and does not fetch again.
            if (lastAttempt != null && clock.instant().isBefore(lastAttempt.plus(minRefreshInterval))) {
                return;
            }
            fetch();
        }
    }

    /** Called holding the lock. */
    private boolean fetch() {
        lastAttempt = clock.instant();
        try {
            HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("key set larger than " + MAX_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            keys = PublicKeyText.parse(body);
            fetchedAt = clock.instant();
            LOG.fine(() -> "fetched " + keys.size() + " verification keys from " + location);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warning("agent console login: cannot fetch the key set from " + location + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("agent console login: interrupted while fetching the key set from " + location);
            return false;
        }
    }

    /** https anywhere; http only to this machine, where nobody can read or change the key set on the way. */
    static URI requireAllowed(URI location) {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        String host = location.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The key set URL " + location + " names no host");
        }
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(host))) {
            return location;
        }
        throw new IllegalArgumentException("The key set URL " + location
                + " must use https (plain http is accepted only for localhost or a loopback address)");
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Literal addresses only: a name is not resolved here, so DNS cannot make a remote host count as local.
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
