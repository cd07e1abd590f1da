package dev.agentconsole.ear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The unchanged EAR on GlassFish 6.2.5, a Jakarta EE 9.1 server: the stand-in for WebLogic 15.1.1 (also EE 9.1),
 * which cannot be downloaded here. It proves that the EAR's descriptors (application 9, CDI 3.0, persistence 3.0) and
 * everything the application touches while serving exist in EE 9.1, on GlassFish 6's EclipseLink 3.0. Set up as
 * {@link GlassFishEarIT} (PostgreSQL behind the default data source, settings as system properties), plus the cluster
 * bus on a JMS topic of the server's own broker, as WebLogic would give it a JMS topic.
 */
class GlassFish6EarIT extends GlassFishEarIT {

    private static final String BUS_TOPIC = "jms/agentConsoleBus";

    @Override
    Path home() {
        return Path.of(System.getProperty("agent.it.glassfish6Home", "target/glassfish6/glassfish6"));
    }

    @Override
    int portbase() {
        return Integer.getInteger("agent.it.glassfish6Portbase", 28700);
    }

    @Override
    String name() {
        return "glassfish6";
    }

    @Override
    void configure(AsadminDomain domain) throws Exception {
        domain.require("create-jms-resource", "--restype", "jakarta.jms.Topic", "--property", "Name=agentConsoleBus",
                BUS_TOPIC);
        String[][] settings = Arrays.copyOf(SETTINGS, SETTINGS.length + 1);
        settings[SETTINGS.length] = new String[] {"agent.cluster.jms-topic", BUS_TOPIC};
        domain.setSystemProperties(settings);
    }

    /**
     * GlassFish 6 refuses the bus's managed threads while the application deploys; they start at the first request
     * after it (BusThreads), and the topic then carries committed events.
     */
    @Test
    void committedEventsTravelThroughTheServersJmsTopic() throws Exception {
        String log = assertCommittedEventsTravelThroughJms(Path.of(System.getProperty("agent.it.domainDir",
                "target/domains")).resolve("agent-it-" + name()).resolve("logs").resolve("server.log"));
        assertTrue(log.contains("Cluster bus: threads refused while the application was deploying started again"),
                "GlassFish 6 refused the bus threads at deployment and they were started again");
    }
}
