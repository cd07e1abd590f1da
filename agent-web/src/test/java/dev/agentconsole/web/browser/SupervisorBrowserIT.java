package dev.agentconsole.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor view in real Chromium on the demo organisation: reached from the console, it changes without a
 * reload when an agent changes status and when a chat starts waiting, moves a chat to an agent, fits 360 px and
 * speaks Chinese. Carol signs in with the supervisor role; Alice and Bob are the agents watched.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupervisorBrowserIT {

    private static final Path DOCS = Path.of(System.getProperty("agent.it.docs", "../docs"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Browser.microWar();
    }

    @ArquillianResource
    URL base;

    ChromeDriver driver;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startBrowser() throws Exception {
        driver = Browser.start(Path.of("target", "chromium-profile-" + UUID.randomUUID()));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theBoardChangesLiveAndASupervisorGivesAWaitingChatToAnAgent() throws Exception {
        String alice = login("alice@example.com", List.of());
        String bob = login("bob@example.com", List.of());
        String aliceUid = call(alice, "GET", "api/v1/me", null).getJsonObject("agent").getString("uid");
        // Something measured today: Alice answers and closes one chat.
        setStatus(bob, "BUSY");
        setStatus(alice, "AVAILABLE");
        JsonObject answered = startVisitorChat("Walt", "Delivery date");
        String answeredUid = answered.getJsonObject("thread").getString("uid");
        call(alice, "POST", "api/v1/threads/" + answeredUid + "/messages",
                "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"content\":\"Tomorrow before noon.\"}");
        call(alice, "POST", "api/v1/threads/" + answeredUid + "/close", null);
        setStatus(alice, "OFFLINE");

        // Carol, a supervisor, finds the view in her console.
        driver.get(consoleBase() + "auth/login?accessToken=" + token("carol@example.com", List.of("supervisor")));
        new WebDriverWait(driver, Duration.ofSeconds(40)).until(d -> !d.findElements(By.id("supervisor-link")).isEmpty());
        driver.findElement(By.id("supervisor-link")).click();
        String aliceRow = "#sup-agents tr[data-agent-uid='" + aliceUid + "']";
        waitUntil(Duration.ofSeconds(30), () -> "OFFLINE".equals(attribute(aliceRow, "data-status")));
        js().executeScript("window.__notReloaded = true");

        // Live: Alice goes busy in her own console, a visitor starts waiting in sales.
        setStatus(alice, "BUSY");
        waitUntil(Duration.ofSeconds(15), () -> "BUSY".equals(attribute(aliceRow, "data-status")));
        JsonObject waiting = startVisitorChat("Vera", "Refund for order 42");
        String waitingUid = waiting.getJsonObject("thread").getString("uid");
        String waitingRow = "#sup-queue li[data-thread-uid='" + waitingUid + "']";
        waitUntil(Duration.ofSeconds(15), () -> !driver.findElements(By.cssSelector(waitingRow)).isEmpty());
        assertEquals(Boolean.TRUE, js().executeScript("return window.__notReloaded === true"), "no reload");
        assertTrue(driver.findElement(By.cssSelector(waitingRow)).getText().contains("Refund for order 42"));
        waitUntil(Duration.ofSeconds(15), () -> !driver.findElement(By.cssSelector("[data-tile='firstResponse']"))
                .getText().contains("—"));
        // The waiting clocks run between boards (on the server's time).
        waitUntil(Duration.ofSeconds(10), () -> !driver.findElement(By.cssSelector("[data-tile='longestWait']"))
                .getText().contains("0:00"));
        screenshot("supervisor.png");

        // Carol gives it to Alice (busy, but with free slots): it leaves the queue and Alice holds it.
        WebElement row = driver.findElement(By.cssSelector(waitingRow));
        new Select(row.findElement(By.cssSelector("select[aria-label='Assign to']"))).selectByValue(aliceUid);
        row.findElement(By.xpath(".//button[normalize-space(.)='Assign']")).click();
        waitUntil(Duration.ofSeconds(15), () -> driver.findElements(By.cssSelector(waitingRow)).isEmpty());
        JsonObject held = call(alice, "GET", "api/v1/threads/" + waitingUid, null);
        assertEquals("ASSIGNED", held.getString("status"));
        assertEquals(aliceUid, held.getString("agentUid"));

        // 360 px wide: every table is a stack of cards, nothing wider than the screen.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", false));
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "wider than 360 px: " + js().executeScript(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                        + " > innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className).join(', ')"))
                .until(d -> ((Number) js().executeScript("return document.documentElement.scrollWidth")).intValue()
                        <= 360);

        // Chinese, and still live.
        new Select(driver.findElement(By.id("language"))).selectByValue("zh");
        waitUntil(Duration.ofSeconds(5), () -> driver.findElement(By.id("sup-title")).getText().equals("主管视图"));
        setStatus(alice, "OFFLINE");
        waitUntil(Duration.ofSeconds(15), () -> "OFFLINE".equals(attribute(aliceRow, "data-status")));
        assertTrue(driver.findElement(By.cssSelector(aliceRow)).getText().contains("客服下线"),
                driver.findElement(By.cssSelector(aliceRow)).getText());
    }

    @Test
    void anAgentWithoutTheRoleIsToldSoAndGetsNoBoard() throws Exception {
        driver.get(consoleBase() + "auth/login?accessToken=" + token("bob@example.com", List.of()));
        new WebDriverWait(driver, Duration.ofSeconds(40)).until(d -> Boolean.TRUE.equals(js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "if (!window.__agentConsole) { done(false); return; }"
                        + "window.__agentConsole.ready.then(() => done(true), () => done(false));")));
        assertTrue(driver.findElements(By.id("supervisor-link")).isEmpty(), "no way to the view");
        driver.get(consoleBase() + "supervisor.html");
        waitUntil(Duration.ofSeconds(15), () -> driver.findElement(By.tagName("body")).getText()
                .contains("This view is for supervisors"));
        assertTrue(driver.findElements(By.id("sup-agents")).isEmpty());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String attribute(String css, String name) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }

    private void waitUntil(Duration limit, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, limit).until(d -> condition.getAsBoolean());
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private String consoleBase() {
        return "http://127.0.0.1:" + base.getPort() + "/agent/";
    }

    private String token(String username, List<String> roles) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .claim("org", "demo")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims.build());
        jwt.sign(new MACSigner(Base64.getDecoder().decode(System.getProperty("agent.it.hmacSecret"))));
        return jwt.serialize();
    }

    private String login(String username, List<String> roles) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create(consoleBase() + "auth/login?accessToken=" + token(username, roles))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private JsonObject call(String credential, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(consoleBase() + path))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private void setStatus(String credential, String status) throws Exception {
        call(credential, "PUT", "api/v1/me/status", "{\"status\":\"" + status + "\"}");
    }

    private JsonObject startVisitorChat(String nickname, String topic) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(consoleBase()
                + "api/v1/visitor/threads")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workgroupUid\":\"wg-sales\",\"nickname\":\"" + nickname
                        + "\",\"topic\":\"" + topic + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        return Json.createReader(new StringReader(started.body())).readObject();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(DOCS);
        Files.write(DOCS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
