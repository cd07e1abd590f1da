package dev.agentconsole.web.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login configuration (contract §1) from MicroProfile Config, and the token verifier built from it once at start.
 * {@code agent.auth.public-key-location} is a file path, a {@code file:}/{@code http(s):} URL, or the PEM/JWKS text
 * itself.
 */
@ApplicationScoped
public class LoginSettings {

    private static final Logger LOG = Logger.getLogger(LoginSettings.class.getName());

    @Inject
    @ConfigProperty(name = "agent.auth.hmac-secret")
    Optional<String> hmacSecret;

    @Inject
    @ConfigProperty(name = "agent.auth.public-key-location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "agent.auth.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "agent.auth.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "agent.auth.organisation-claim")
    Optional<String> organisationClaim;

    @Inject
    @ConfigProperty(name = "agent.auth.default-organisation", defaultValue = "default")
    String defaultOrganisation;

    @Inject
    @ConfigProperty(name = "agent.auth.auto-provision", defaultValue = "false")
    boolean autoProvision;

    private AccessTokenVerifier verifier;
    private String problem;

    @PostConstruct
    void init() {
        try {
            TokenSettings settings = TokenSettings.fromStrings(hmacSecret.orElse(null),
                    publicKeyLocation.map(LoginSettings::load).orElse(null), issuer.orElse(null),
                    audience.orElse(null), organisationClaim.orElse(null));
            verifier = new AccessTokenVerifier(settings, Clock.systemUTC());
            if (!settings.hasAnyKey()) {
                problem = "no agent.auth.hmac-secret or agent.auth.public-key-location is configured";
            }
        } catch (RuntimeException e) {
            problem = "login configuration is invalid: " + e.getMessage();
        }
        if (problem != null) {
            LOG.warning("agent console login: " + problem);
        }
    }

    /** The verifier, or empty with {@link #problem()} saying why logins cannot work. */
    public Optional<AccessTokenVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    public String problem() {
        return problem;
    }

    public String defaultOrganisation() {
        return defaultOrganisation;
    }

    public boolean autoProvision() {
        return autoProvision;
    }

    private static String load(String location) {
        String value = location.strip();
        if (value.startsWith("-----BEGIN") || value.startsWith("{")) {
            return value;
        }
        try {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
                try (InputStream in = URI.create(value).toURL().openStream()) {
                    return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(value));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read agent.auth.public-key-location " + value + ": " + e, e);
        }
    }
}
