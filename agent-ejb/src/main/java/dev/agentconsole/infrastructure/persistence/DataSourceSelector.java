package dev.agentconsole.infrastructure.persistence;

import dev.agentconsole.infrastructure.config.SettingLookup;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.Server;

/**
 * Chooses the database when the persistence unit starts, so one build runs on the server's default data source (the
 * embedded H2 of Payara) or on PostgreSQL without repackaging: {@code agent.datasource} (env {@code AGENT_DATASOURCE})
 * names a server data source by JNDI name, e.g. {@code jdbc/agent-console}; unset means the default. EclipseLink
 * detects the database platform at login; {@code agent.db.platform} overrides that. Also installs the
 * {@link SchemaUpdater}.
 */
public class DataSourceSelector implements SessionCustomizer {

    public static final String SETTING = "agent.datasource";
    /** EclipseLink platform class, e.g. org.eclipse.persistence.platform.database.OraclePlatform. */
    public static final String PLATFORM_SETTING = "agent.db.platform";

    private static final Logger LOG = Logger.getLogger(DataSourceSelector.class.getName());

    @Override
    public void customize(Session session) {
        session.getEventManager().addListener(new SchemaUpdater());
        Optional<String> jndiName = setting(SETTING).filter(value -> !"default".equalsIgnoreCase(value));
        if (jndiName.isEmpty()) {
            LOG.info("agent console uses the server's default data source");
            return;
        }
        DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
        login.setConnector(connectorFor(jndiName.get()));
        setting(PLATFORM_SETTING).ifPresent(login::setPlatformClassName);
        if (session instanceof Server server) {
            // The server gave reads and sequence numbers their own login on its default (non-JTA) data source.
            // Reads follow the chosen data source; sequence values come over the transaction's own connection,
            // which is safe with database sequences (nextval ignores rollback).
            Login readLogin = server.getReadConnectionPool().getLogin();
            if (readLogin != login && readLogin instanceof DatasourceLogin read) {
                read.setConnector(connectorFor(jndiName.get()));
                setting(PLATFORM_SETTING).ifPresent(read::setPlatformClassName);
            }
            server.getSequencingControl().setShouldUseSeparateConnection(false);
        }
        LOG.info(() -> "agent console uses data source " + jndiName.get());
    }

    private static JNDIConnector connectorFor(String jndiName) {
        JNDIConnector connector = new JNDIConnector(jndiName);
        // Looked up when the first connection is needed, not while the unit is being set up.
        connector.setLookupType(JNDIConnector.STRING_LOOKUP);
        return connector;
    }

    private static Optional<String> setting(String name) {
        return SettingLookup.value(name)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }
}
