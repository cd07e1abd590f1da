package dev.agentconsole.ear;

import java.nio.file.Path;

/** The EAR on Payara Server 6, on its embedded default database (H2); settings as server system properties. */
class PayaraServerEarIT extends EarSmokeTest {

    private AsadminDomain domain;

    @Override
    String bootAndDeploy() throws Exception {
        domain = new AsadminDomain(Path.of(System.getProperty("agent.it.payaraHome", "target/payara-server/payara6")),
                Path.of(System.getProperty("agent.it.domainDir", "target/domains")), "agent-it",
                Integer.getInteger("agent.it.portbase", 28000),
                new ServerCommands(Path.of("target", "payara-server-asadmin.log")));
        domain.createAndStart();
        domain.setSystemProperties(SETTINGS);
        domain.deploy(EAR);
        return domain.consoleUrl();
    }

    @Override
    void tearDown() throws Exception {
        if (domain != null) {
            domain.stop();
        }
    }
}
