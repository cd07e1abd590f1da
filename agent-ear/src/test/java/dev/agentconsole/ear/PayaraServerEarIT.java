package dev.agentconsole.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /**
     * With a topic configured, committed events go out through Jakarta Messaging, and the member hears its own
     * messages back from the broker (one member here, so the log line is the proof that the engine delivers).
     */
    @Test
    void committedEventsTravelThroughTheServersJmsTopic() throws Exception {
        HttpResponse<String> login = get("auth/login?accessToken=" + token("bob@example.com"));
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        String credential = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertEquals(200, putStatus(credential, "AVAILABLE").statusCode());

        Path serverLog = DOMAINS.resolve(DOMAIN).resolve("logs").resolve("server.log");
        long until = System.currentTimeMillis() + 20_000;
        String text = "";
        while (System.currentTimeMillis() < until && !text.contains("Cluster bus: delivering")) {
            Thread.sleep(200);
            text = Files.readString(serverLog, StandardCharsets.ISO_8859_1);
        }
        assertTrue(text.contains("Cluster bus: Jakarta Messaging topic"), "the JMS bus was chosen: see " + serverLog);
        assertTrue(text.contains("Cluster bus: delivering"), "the broker delivered a message back: see " + serverLog);
    }
}
