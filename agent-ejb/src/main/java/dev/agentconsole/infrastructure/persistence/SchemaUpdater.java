package dev.agentconsole.infrastructure.persistence;

import dev.agentconsole.model.message.Message;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.queries.SQLCall;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.tools.schemaframework.DefaultTableGenerator;
import org.eclipse.persistence.tools.schemaframework.IndexDefinition;
import org.eclipse.persistence.tools.schemaframework.SchemaManager;
import org.eclipse.persistence.tools.schemaframework.TableDefinition;

/**
 * Creates missing tables, columns, indexes and sequences when the persistence unit first logs in. Done here rather
 * than with {@code eclipselink.ddl-generation}, which makes the server log in while deploying, before the
 * application's own data source definitions are bound. Constraints of existing tables are not touched by that, so
 * a changed one is replaced here.
 */
class SchemaUpdater extends SessionEventAdapter {

    private static final Logger LOG = Logger.getLogger(SchemaUpdater.class.getName());

    /** Client message ids were unique per thread; they are unique per thread and sender now. */
    private static final String OLD_CLIENT_ID_CONSTRAINT = "message_client_id";

    @Override
    public void postLogin(SessionEvent event) {
        DatabaseSessionImpl session = (DatabaseSessionImpl) event.getSession();
        new SchemaManager(session).extendDefaultTables(true);
        scopeClientMessageIdsPerSender(session);
        addMissingIndexes(session);
        LOG.fine("agent console schema is up to date");
    }

    private static void scopeClientMessageIdsPerSender(DatabaseSessionImpl session) {
        try {
            if (!constraintExists(session, Message.CLIENT_ID_CONSTRAINT)) {
                session.executeNonSelectingSQL("ALTER TABLE message ADD CONSTRAINT " + Message.CLIENT_ID_CONSTRAINT
                        + " UNIQUE (thread_id, senderKind, senderUid, clientMessageId)");
                LOG.info("agent console schema: client message ids are now unique per thread and sender");
            }
            if (constraintExists(session, OLD_CLIENT_ID_CONSTRAINT)) {
                session.executeNonSelectingSQL("ALTER TABLE message DROP CONSTRAINT " + OLD_CLIENT_ID_CONSTRAINT);
            }
        } catch (RuntimeException e) {
            // A database without information_schema: the application still works, but one sender's id can block
            // another's until the constraint is replaced by hand.
            LOG.warning("agent console schema: cannot replace constraint " + OLD_CLIENT_ID_CONSTRAINT + " by "
                    + Message.CLIENT_ID_CONSTRAINT + " on table message: " + e.getClass().getName());
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static boolean constraintExists(DatabaseSessionImpl session, String name) {
        List<?> rows = session.executeSelectingCall(new SQLCall(
                "SELECT COUNT(*) FROM information_schema.table_constraints WHERE LOWER(constraint_name) = '"
                        + name.toLowerCase(Locale.ROOT) + "'"));
        if (rows.isEmpty() || !(rows.get(0) instanceof DatabaseRecord row) || row.getValues().isEmpty()) {
            return false;
        }
        return ((Number) row.getValues().get(0)).longValue() > 0;
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
