package dev.agentconsole.ear;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The EAR on GlassFish 7 (no MicroProfile at all). Its default data source {@code jdbc/__default} points at a Derby
 * network server that is not running; the test points it at an embedded Derby database in the domain instead, so
 * nothing else has to be started. Settings as server system properties; tokens HS256.
 */
class GlassFishEarIT extends EarSmokeTest {

    private AsadminDomain domain;

    @Override
    String bootAndDeploy() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("agent.it.matrixSkip"), "EAR matrix skipped (-Dear.matrix.skip)");
        domain = new AsadminDomain(Path.of(System.getProperty("agent.it.glassfishHome", "target/glassfish/glassfish7")),
                Path.of(System.getProperty("agent.it.domainDir", "target/domains")), "agent-it-glassfish",
                Integer.getInteger("agent.it.glassfishPortbase", 28600),
                new ServerCommands(Path.of("target", "glassfish-asadmin.log")));
        domain.createAndStart();
        domain.require("create-jdbc-connection-pool", "--datasourceclassname", "org.apache.derby.jdbc.EmbeddedDataSource",
                "--restype", "javax.sql.DataSource", "--property",
                "databaseName=${com.sun.aas.instanceRoot}/lib/databases/agent:connectionAttributes=\\;create\\=true",
                "agent-derby");
        domain.require("set", "resources.jdbc-resource.jdbc/__default.pool-name=agent-derby");
        domain.setSystemProperties(SETTINGS);
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
