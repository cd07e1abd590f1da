package dev.agentconsole.web.auth;

import dev.agentconsole.infrastructure.config.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Login configuration (contract §1) from the application's settings, and the token verifier built from it once at start.
 * {@code agent.auth.public-key-location} is a file path, a {@code file:}/{@code https:} URL, or the PEM/JWKS text
 * itself (see {@link PublicKeyLocation}).
 */
@ApplicationScoped
public class LoginSettings {

    private static final Logger LOG = Logger.getLogger(LoginSettings.class.getName());

    @Inject
    @Setting("agent.auth.hmac-secret")
    Optional<String> hmacSecret;

    @Inject
    @Setting("agent.auth.public-key-location")
    Optional<String> publicKeyLocation;

    @Inject
    @Setting("agent.auth.issuer")
    Optional<String> issuer;

    @Inject
    @Setting("agent.auth.audience")
    Optional<String> audience;

    @Inject
    @Setting("agent.auth.organisation-claim")
    Optional<String> organisationClaim;

    @Inject
    @Setting(value = "agent.auth.require-exp", defaultValue = "true")
    boolean requireExpiry;

    @Inject
    @Setting(value = "agent.auth.jwks-timeout", defaultValue = "PT5S")
    Duration jwksTimeout;

    @Inject
    @Setting(value = "agent.auth.jwks-min-refresh-interval", defaultValue = "PT1M")
    Duration jwksMinRefreshInterval;

    @Inject
    @Setting(value = "agent.auth.default-organisation", defaultValue = "default")
    String defaultOrganisation;

    @Inject
    @Setting(value = "agent.auth.auto-provision", defaultValue = "false")
    boolean autoProvision;

    @Inject
    @Setting(RoleClaims.CLAIM_SETTING)
    Optional<String> rolesClaim;

    @Inject
    @Setting(RoleClaims.SUPERVISOR_SETTING)
    Optional<String> supervisorRole;

    @Inject
    @Setting(RoleClaims.ADMIN_SETTING)
    Optional<String> adminRole;

    @Inject
    @Setting(value = WorkgroupClaims.ENABLED_SETTING, defaultValue = "false")
    boolean provisionFromClaims;

    @Inject
    @Setting(WorkgroupClaims.CLAIM_SETTING)
    Optional<String> workgroupsClaim;

    private AccessTokenVerifier verifier;
    private String problem;

    @PostConstruct
    void init() {
        try {
            TokenSettings settings = TokenSettings.fromStrings(hmacSecret.orElse(null), null, issuer.orElse(null),
                    audience.orElse(null), organisationClaim.orElse(null)).withRequiredExpiry(requireExpiry);
            VerificationKeys publicKeys = publicKeyLocation.filter(location -> !location.isBlank())
                    .map(location -> PublicKeyLocation.open(location, jwksTimeout, jwksMinRefreshInterval,
                            Clock.systemUTC()))
                    .orElse(null);
            verifier = new AccessTokenVerifier(settings, publicKeys, Clock.systemUTC());
            if (!verifier.hasAnyKey()) {
                problem = "no agent.auth.hmac-secret or agent.auth.public-key-location is configured";
            }
        } catch (RuntimeException e) {
            verifier = null;
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

    /** How the token names the agent's roles. */
    public RoleClaims roleClaims() {
        return new RoleClaims(rolesClaim == null ? null : rolesClaim.orElse(null),
                supervisorRole == null ? null : supervisorRole.orElse(null),
                adminRole == null ? null : adminRole.orElse(null));
    }

    /** Whether, and from which claim, each login replaces the agent's workgroup membership. */
    public WorkgroupClaims workgroupClaims() {
        return new WorkgroupClaims(provisionFromClaims, workgroupsClaim == null ? null : workgroupsClaim.orElse(null));
    }
}
