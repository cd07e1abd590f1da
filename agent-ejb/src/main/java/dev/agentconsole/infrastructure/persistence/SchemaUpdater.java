package dev.agentconsole.infrastructure.persistence;

import dev.agentconsole.model.message.Message;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.queries.SQLCall;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.tools.schemaframework.SchemaManager;

/**
 * Creates missing tables, columns and sequences when the persistence unit first logs in. Done here rather than with
 * {@code eclipselink.ddl-generation}, which makes the server log in while deploying, before the application's own
 * data source definitions are bound. Constraints of existing tables are not touched by that, so a changed one is
 * replaced here.
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
}
