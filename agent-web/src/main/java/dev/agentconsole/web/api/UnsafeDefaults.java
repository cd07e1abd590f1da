package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.persistence.DatabaseProbe;
import dev.agentconsole.infrastructure.persistence.SchemaMigration;
import dev.agentconsole.web.auth.CredentialSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Settings left at values that are fine for a demo and wrong in production. Named together in one WARNING at start
 * and in the readiness data, so an operator sees all of them at once (README, "Production").
 */
@ApplicationScoped
public class UnsafeDefaults {

    /** The original Bytedesk's published development secret, which {@code ./run.sh} uses for its demo tokens. */
    static final String PUBLISHED_DEMO_SECRET = "1dfaf8d004207b628a9a6b859c429f49a9a7ead9fd8161c1e60847aeef06dbd2";
    private static final Logger LOG = Logger.getLogger(UnsafeDefaults.class.getName());

    @Inject
    @Setting("agent.console.credential-key")
    Optional<String> credentialKey;

    @Inject
    DatabaseProbe database;

    /** Read once at start: the data source does not change while the application runs. */
    boolean embeddedDatabase;

    @Inject
    @Setting("agent.auth.hmac-secret")
    Optional<String> hmacSecret;

    @Inject
    @Setting(value = "agent.demo.seed", defaultValue = "false")
    boolean demoSeed;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        embeddedDatabase = database.isEmbedded();
        List<String> found = found();
        if (!found.isEmpty()) {
            LOG.warning("Unsafe for production: " + String.join("; ", found)
                    + ". See README, section Production.");
        }
    }

    /** One line per unsafe setting, naming the setting that fixes it. */
    public List<String> found() {
        List<String> found = new ArrayList<>();
        if (!CredentialSigner.hasUsableKey(credentialKey)) {
            found.add("agent.console.credential-key is not set (Base64, at least 32 bytes): console credentials are "
                    + "signed with a random key, lost on restart and not shared by cluster members");
        }
        if (embeddedDatabase) {
            found.add(SchemaMigration.DATA_SOURCE + " is the server's embedded database (H2): map it to a "
                    + "database server's pool (README, Database)");
        }
        if (hmacSecret.map(String::strip).filter(PUBLISHED_DEMO_SECRET::equals).isPresent()) {
            found.add("agent.auth.hmac-secret is the published demo secret: anyone can mint login tokens");
        }
        if (demoSeed) {
            found.add("agent.demo.seed is true: the demo organisation and its agents are created");
        }
        return List.copyOf(found);
    }
}
