package dev.agentconsole.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built EAR, the product enterprises deploy, on a real Payara Server 6 domain: asadmin creates and starts a
 * domain, deploys {@code agent.ear}, and the tests talk to it over HTTP and WebSocket like a client.
 */
class PayaraServerEarIT {

    private static final String DOMAIN = "agent-it";
    private static final Path PAYARA = Path.of(System.getProperty("agent.it.payaraHome", "target/payara-server/payara6"));
    private static final Path DOMAINS = Path.of(System.getProperty("agent.it.domainDir", "target/domains"));
    private static final int PORTBASE = Integer.getInteger("agent.it.portbase", 28000);
    private static final int ADMIN_PORT = PORTBASE + 48;
    private static final String BASE = "http://localhost:" + (PORTBASE + 80) + "/agent/";
    private static final Path LOG = Path.of("target", "payara-server-asadmin.log");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void deployEarOnPayaraServer() throws Exception {
        Files.deleteIfExists(LOG);
        asadmin("delete-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        require(asadmin("create-domain", "--nopassword", "--portbase", String.valueOf(PORTBASE),
                "--domaindir", DOMAINS.toString(), DOMAIN), "create-domain");
        require(asadmin("start-domain", "--domaindir", DOMAINS.toString(), DOMAIN), "start-domain");
        require(asadmin("--port", String.valueOf(ADMIN_PORT), "create-system-properties", "agent.demo.seed=true"),
                "create-system-properties");
        File ear = new File(System.getProperty("agent.it.ear", "target/agent.ear"));
        require(asadmin("--port", String.valueOf(ADMIN_PORT), "deploy", "--name", "agent-console",
                ear.getAbsolutePath()), "deploy");
    }

    @AfterAll
    static void stopDomain() throws Exception {
        asadmin("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    }

    @Test
    void consoleIsServedUnderAgent() throws Exception {
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Agent console"), page.body());
    }

    @Test
    void ejbAndJpaWorkInTheEarWithSeededDemoData() throws Exception {
        HttpResponse<String> sales = get("api/v1/visitor/workgroups/wg-sales");
        assertEquals(200, sales.statusCode(), sales.body());
        assertTrue(sales.body().contains("\"name\":\"Sales\""), sales.body());

        HttpResponse<String> missing = get("api/v1/visitor/workgroups/no-such-group");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"error\":\"workgroup_not_found\""), missing.body());
    }

    @Test
    void consoleSocketRefusesAConnectionWithoutCredential() throws Exception {
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        List<CharSequence> received = new ArrayList<>();
        HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(BASE.replaceFirst("^http", "ws") + "ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        received.add(data);
                        return WebSocket.Listener.super.onText(socket, data, last);
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        closeCode.completeExceptionally(error);
                    }
                }).get(20, TimeUnit.SECONDS);
        assertEquals(1008, closeCode.get(20, TimeUnit.SECONDS));
        assertTrue(received.isEmpty());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int asadmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PAYARA.resolve("bin").resolve("asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " did not finish; see " + LOG);
        }
        return process.exitValue();
    }

    private static void require(int exitCode, String step) throws IOException {
        if (exitCode != 0) {
            throw new IllegalStateException("asadmin " + step + " failed (" + exitCode + "):\n" + Files.readString(LOG));
        }
    }
}
