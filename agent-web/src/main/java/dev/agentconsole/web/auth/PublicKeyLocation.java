package dev.agentconsole.web.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Turns {@code agent.auth.public-key-location} into verification keys: PEM or JWKS text itself, a file path or
 * {@code file:} URL (read once), or an {@code https:} URL of a JWKS (fetched, and fetched again as {@link RemoteJwks}
 * describes).
 */
public final class PublicKeyLocation {

    private static final Logger LOG = Logger.getLogger(PublicKeyLocation.class.getName());

    /** Keys are fetched again at the latest after this long, so keys the issuer withdrew stop working. */
    static final Duration MAX_KEY_AGE = Duration.ofHours(1);

    private PublicKeyLocation() {
    }

    /**
     * @param timeout            how long one fetch of a remote key set may take
     * @param minRefreshInterval how far apart fetches of a remote key set are at least
     * @throws IllegalArgumentException if the location cannot be read or holds no usable key, or a URL is not allowed
     */
    public static VerificationKeys open(String location, Duration timeout, Duration minRefreshInterval, Clock clock) {
        String value = location.strip();
        if (value.startsWith("-----BEGIN") || value.startsWith("{")) {
            return new ConfiguredKeys(value);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            RemoteJwks remote = new RemoteJwks(URI.create(value), timeout, minRefreshInterval, MAX_KEY_AGE, clock);
            if (!remote.load()) {
                // The issuer may be down while we start; logins work once a later fetch succeeds.
                LOG.warning("agent console login: RS256/ES256 tokens are refused until the key set can be fetched");
            }
            return remote;
        }
        String text;
        try {
            text = Files.readString(lower.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read agent.auth.public-key-location " + value + ": " + e, e);
        }
        return new ConfiguredKeys(text);
    }
}
