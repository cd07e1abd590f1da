package dev.agentconsole.infrastructure.persistence;

import java.util.logging.Logger;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.tools.schemaframework.SchemaManager;

/**
 * Creates missing tables, columns and sequences when the persistence unit first logs in. Done here rather than with
 * {@code eclipselink.ddl-generation}, which makes the server log in while deploying, before the application's own
 * data source definitions are bound.
 */
class SchemaUpdater extends SessionEventAdapter {

    private static final Logger LOG = Logger.getLogger(SchemaUpdater.class.getName());

    @Override
    public void postLogin(SessionEvent event) {
        DatabaseSessionImpl session = (DatabaseSessionImpl) event.getSession();
        new SchemaManager(session).extendDefaultTables(true);
        LOG.fine("agent console schema is up to date");
    }
}
