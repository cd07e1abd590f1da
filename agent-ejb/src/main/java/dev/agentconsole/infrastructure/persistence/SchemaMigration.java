package dev.agentconsole.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import dev.agentconsole.infrastructure.config.Setting;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything uses the database, unless {@code agent.db.migrate=false} (a DBA runs
 * the same SQL offline, README "Database"). Flyway holds its own database lock while it migrates (an advisory lock on
 * PostgreSQL), so members starting together apply each version once; the others wait and find it applied. Outside
 * a transaction: Flyway commits each version itself.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    /** The application's data source; persistence.xml names the same. */
    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @Setting(value = "agent.db.migrate", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void migrate() {
        if (!enabled) {
            LOG.info("agent.db.migrate=false: the schema is expected to be migrated already (README, Database)");
            return;
        }
        MigrateResult result = SchemaMigrations.forDataSource(dataSource).migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "agent console schema migrated from version " + result.initialSchemaVersion + " to "
                    + result.targetSchemaVersion);
        }
    }
}
