package dev.agentconsole.ear;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The EAR on GlassFish 7 (no MicroProfile at all). Its default data source {@code jdbc/__default} is a Derby pool, a
 * database the migrations do not cover; the test points it at a PostgreSQL database of its own, made empty for each
 * run, with the driver in the server's lib/. Settings as server system properties; tokens HS256.
 */
class GlassFishEarIT extends EarSmokeTest {

    private AsadminDomain domain;

    /** The unpacked server ({@code glassfish7}); GlassFish 6 overrides this and the other names below. */
    Path home() {
        return Path.of(System.getProperty("agent.it.glassfishHome", "target/glassfish/glassfish7"));
    }

    int portbase() {
        return Integer.getInteger("agent.it.glassfishPortbase", 28600);
    }

    String name() {
        return "glassfish";
    }

    /** What a subclass adds between the data source and the deployment (resources, settings). */
    void configure(AsadminDomain domain) throws Exception {
        domain.setSystemProperties(SETTINGS);
    }

    @Override
    String bootAndDeploy() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("agent.it.matrixSkip"), "EAR matrix skipped (-Dear.matrix.skip)");
        String database = "agent_" + name() + "_it";
        domain = new AsadminDomain(home(), Path.of(System.getProperty("agent.it.domainDir", "target/domains")),
                "agent-it-" + name(), portbase(), new ServerCommands(Path.of("target", name() + "-asadmin.log")));
        Path home = home();
        Files.copy(Path.of(System.getProperty("agent.it.postgresJar")), home.resolve("glassfish/lib/postgresql.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        String host = System.getProperty("agent.it.postgres.host", "127.0.0.1");
        String port = System.getProperty("agent.it.postgres.port", "5432");
        String user = System.getProperty("agent.it.postgres.user", "postgres");
        String password = System.getProperty("agent.it.postgres.password", "postgres");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port
                + "/postgres", user, password); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        domain.createAndStart();
        domain.require("create-jdbc-connection-pool", "--datasourceclassname", "org.postgresql.ds.PGSimpleDataSource",
                "--restype", "javax.sql.DataSource", "--property", "serverName=" + host + ":portNumber=" + port
                        + ":databaseName=" + database + ":user=" + user + ":password=" + password,
                "agent-postgres");
        domain.require("set", "resources.jdbc-resource.jdbc/__default.pool-name=agent-postgres");
        configure(domain);
        domain.deploy(EAR);
        return domain.consoleUrl();
    }

    @Override
    String tokenAlgorithm() {
        return "HS256";
    }

    @Override
    void tearDown() throws Exception {
        if (domain != null) {
            domain.stop();
        }
    }
}
