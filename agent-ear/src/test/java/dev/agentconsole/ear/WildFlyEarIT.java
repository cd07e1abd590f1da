package dev.agentconsole.ear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The EAR on WildFly 38 ({@code standalone.xml} as shipped: its H2 {@code ExampleDS} is the default data source;
 * MicroProfile Config is there, MicroProfile Health is not). The EAR brings EclipseLink in {@code lib/}; WildFly is
 * told which JTA platform it runs on with {@code -Declipselink.target-server=JBoss}. Settings as environment
 * variables ({@code AGENT_AUTH_HMAC_SECRET}, ...); deployed by the deployment scanner.
 */
class WildFlyEarIT extends EarSmokeTest {

    private Path home;
    private int offset;
    private ServerCommands commands;
    private Process server;

    @Override
    String bootAndDeploy() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("agent.it.matrixSkip"), "EAR matrix skipped (-Dear.matrix.skip)");
        home = Path.of(System.getProperty("agent.it.wildflyHome", "target/wildfly/wildfly-38.0.1.Final"))
                .toAbsolutePath();
        offset = Integer.getInteger("agent.it.wildflyPortOffset", 20800);
        commands = new ServerCommands(Path.of("target", "wildfly-server.log"));
        Path standalone = home.resolve("standalone");
        // A fresh server every run: no deployment, data or log from an earlier one.
        for (String dir : List.of("data", "tmp", "log")) {
            deleteTree(standalone.resolve(dir));
        }
        try (Stream<Path> deployments = Files.list(standalone.resolve("deployments"))) {
            for (Path file : deployments.filter(p -> p.getFileName().toString().startsWith("agent.ear")).toList()) {
                deleteTree(file);
            }
        }
        Map<String, String> environment = new HashMap<>();
        for (String[] setting : SETTINGS) {
            environment.put(setting[0].replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), setting[1]);
        }
        environment.put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
        server = commands.start(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + offset, "-Declipselink.target-server=JBoss"), environment);
        Files.copy(EAR, standalone.resolve("deployments/agent.ear"));
        Path deployed = standalone.resolve("deployments/agent.ear.deployed");
        Path failed = standalone.resolve("deployments/agent.ear.failed");
        commands.await("WildFly to deploy agent.ear", Duration.ofMinutes(4),
                () -> Files.exists(deployed) || Files.exists(failed) || !server.isAlive());
        if (!Files.exists(deployed)) {
            throw new IllegalStateException("agent.ear not deployed on WildFly: "
                    + (Files.exists(failed) ? Files.readString(failed) : "server exited") + "\n" + commands.tail());
        }
        return "http://localhost:" + (8080 + offset) + "/agent/";
    }

    @Override
    void tearDown() throws Exception {
        if (server == null) {
            return;
        }
        commands.run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=localhost:" + (9990 + offset), "--command=:shutdown"));
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
