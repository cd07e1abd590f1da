package dev.agentconsole.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The Flyway set-up shared by the application ({@link SchemaMigration}) and anything else that migrates a database
 * (tests, tools): the SQL files of the database's kind under {@code db/migration/<kind>}, and the upgrade of a
 * database that earlier versions created through EclipseLink. Such a database has the tables but no history: it is
 * recorded at version 0, and V1, which only creates what is missing, completes it.
 */
public final class SchemaMigrations {

    /** Where the SQL files of each kind of database live (classpath, and agent-ejb/src/main/resources in the repo). */
    public static final String LOCATION = "db/migration/";

    private SchemaMigrations() {
    }

    public static Flyway forDataSource(DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION + kindOf(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables created by an earlier version")
                .load();
    }

    /** {@code h2} or {@code postgresql}: the databases whose SQL is written and tested. */
    public static String kindOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("no schema migrations for " + product
                    + " (H2 and PostgreSQL are supported); create the schema by hand and set agent.db.migrate=false");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate its schema", e);
        }
    }
}
