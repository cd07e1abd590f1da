package dev.agentconsole.ear;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server 6, on its embedded default database (H2); settings as server system properties. The
 * cluster bus runs on the server's own broker (OpenMQ): a topic named to the application by a setting.
 */
class PayaraServerEarIT extends EarSmokeTest {

    private static final String BUS_TOPIC = "jms/agentConsoleBus";
    private static final Path DOMAINS = Path.of(System.getProperty("agent.it.domainDir", "target/domains"));
    private static final String DOMAIN = "agent-it";

    private AsadminDomain domain;

    @Override
    String bootAndDeploy() throws Exception {
        domain = new AsadminDomain(Path.of(System.getProperty("agent.it.payaraHome", "target/payara-server/payara6")),
                DOMAINS, DOMAIN, Integer.getInteger("agent.it.portbase", 28000),
                new ServerCommands(Path.of("target", "payara-server-asadmin.log")));
        domain.createAndStart();
        domain.require("create-jms-resource", "--restype", "jakarta.jms.Topic", "--property", "Name=agentConsoleBus",
                BUS_TOPIC);
        String[][] settings = Arrays.copyOf(SETTINGS, SETTINGS.length + 1);
        settings[SETTINGS.length] = new String[] {"agent.cluster.jms-topic", BUS_TOPIC};
        domain.setSystemProperties(settings);
        domain.deploy(EAR);
        return domain.consoleUrl();
    }

    @Override
    void tearDown() throws Exception {
        if (domain != null) {
            domain.stop();
        }
    }

    @Test
    void committedEventsTravelThroughTheServersJmsTopic() throws Exception {
        assertCommittedEventsTravelThroughJms(DOMAINS.resolve(DOMAIN).resolve("logs").resolve("server.log"));
    }
}
