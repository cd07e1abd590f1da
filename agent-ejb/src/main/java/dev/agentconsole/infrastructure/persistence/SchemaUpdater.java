package dev.agentconsole.infrastructure.persistence;

import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.tools.schemaframework.DefaultTableGenerator;
import org.eclipse.persistence.tools.schemaframework.IndexDefinition;
import org.eclipse.persistence.tools.schemaframework.SchemaManager;
import org.eclipse.persistence.tools.schemaframework.TableDefinition;

/**
 * Creates missing tables, columns, indexes and sequences when the persistence unit first logs in. Done here rather
 * than with {@code eclipselink.ddl-generation}, which makes the server log in while deploying, before the
 * application's own data source definitions are bound.
 */
class SchemaUpdater extends SessionEventAdapter {

    private static final Logger LOG = Logger.getLogger(SchemaUpdater.class.getName());

    @Override
    public void postLogin(SessionEvent event) {
        DatabaseSessionImpl session = (DatabaseSessionImpl) event.getSession();
        new SchemaManager(session).extendDefaultTables(true);
        addMissingIndexes(session);
        LOG.fine("agent console schema is up to date");
    }

    /**
     * EclipseLink extends an existing table by its new columns only, so an index added to an existing entity (say a
     * lookup a new read check needs) would never reach a database created by an older version. H2 and PostgreSQL can
     * be asked to create each one "if not exists"; elsewhere, the README names the indexes to add when upgrading.
     */
    private static void addMissingIndexes(DatabaseSessionImpl session) {
        if (!session.getPlatform().isH2() && !session.getPlatform().isPostgreSQL()) {
            return;
        }
        for (TableDefinition table : new DefaultTableGenerator(session.getProject(), true)
                .generateDefaultTableCreator().getTableDefinitions()) {
            for (IndexDefinition index : table.getIndexes()) {
                String sql = "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
                        + index.getName() + " ON " + table.getFullName() + " (" + String.join(", ", index.getFields())
                        + ")";
                try {
                    session.executeNonSelectingSQL(sql);
                } catch (DatabaseException e) {
                    LOG.warning(() -> "could not create index " + index.getName() + ": " + e.getMessage());
                }
            }
        }
    }
}
