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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Two agents' consoles in two browsers: a transfer offer seen, answered and taken back on both sides. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferOfferBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Browser.microWar();
    }

    @ArquillianResource
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    ChromeDriver alicesBrowser;
    ChromeDriver bobsBrowser;
    String alice;
    String bob;

    @BeforeEach
    void twoConsoles() throws Exception {
        // Alice takes the demo's sales threads; Bob is signed in but busy, so threads reach him only as offers.
        alice = credential("alice@example.com");
        bob = credential("bob@example.com");
        call(alice, "PUT", "api/v1/me/status", "{\"status\":\"AVAILABLE\"}");
        call(bob, "PUT", "api/v1/me/status", "{\"status\":\"BUSY\"}");
        alicesBrowser = open("alice@example.com");
        bobsBrowser = open("bob@example.com");
    }

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver driver : new ChromeDriver[] {alicesBrowser, bobsBrowser}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @Test
    void bobAcceptsAnOfferAliceMadeInHerTransferDialog() throws Exception {
        String visitor = "Vera " + UUID.randomUUID().toString().substring(0, 8);
        String thread = startVisitorChat(visitor).getJsonObject("thread").getString("uid");
        String bobsUid = call(bob, "GET", "api/v1/me", null).getJsonObject("agent").getString("uid");

        wait(alicesBrowser).until(d -> !d.findElements(visitorEntry(visitor)).isEmpty());
        alicesBrowser.findElement(visitorEntry(visitor)).click();
        wait(alicesBrowser).until(d -> d.findElement(By.id("conversation-pane")).findElements(
                By.xpath(".//button[normalize-space(.)='Transfer']")).stream().anyMatch(b -> b.isDisplayed()));
        alicesBrowser.findElement(By.id("conversation-pane"))
                .findElement(By.xpath(".//button[normalize-space(.)='Transfer']")).click();
        wait(alicesBrowser).until(d -> !d.findElements(By.cssSelector("label[for='transfer-agent-" + bobsUid + "']"))
                .isEmpty());
        alicesBrowser.findElement(By.cssSelector("label[for='transfer-agent-" + bobsUid + "']")).click();
        alicesBrowser.findElement(By.cssSelector("dialog[open] button[type=submit]")).click();

        // Alice: "Offered to Bob" with Cancel; the thread is still hers. Bob: the offer with Accept, Decline and time.
        wait(alicesBrowser).until(d -> text(d, ".offer--outgoing").contains("Offered to Bob: " + visitor));
        wait(bobsBrowser).until(d -> text(d, ".offer--incoming").contains("Alice wants to transfer " + visitor));
        assertTrue(text(bobsBrowser, ".offer--incoming .offer__countdown").matches("\\d+ s left"),
                text(bobsBrowser, ".offer--incoming .offer__countdown"));
        assertTrue(text(bobsBrowser, ".offer--incoming").contains("Decline"));
        String alicesUid = call(alice, "GET", "api/v1/me", null).getJsonObject("agent").getString("uid");
        assertEquals(alicesUid, call(alice, "GET", "api/v1/threads/" + thread, null).getString("agentUid"));

        bobsBrowser.findElement(By.cssSelector(".offer--incoming button.button--primary")).click();

        wait(bobsBrowser).until(d -> d.findElements(By.cssSelector(".offer--incoming")).isEmpty());
        wait(bobsBrowser).until(d -> !d.findElements(visitorEntry(visitor)).isEmpty());
        wait(alicesBrowser).until(d -> d.findElements(By.cssSelector(".offer--outgoing")).isEmpty());
        wait(alicesBrowser).until(d -> text(d, "#toasts").contains("Bob accepted " + visitor));
        assertEquals(bobsUid, call(bob, "GET", "api/v1/threads/" + thread, null).getString("agentUid"));
        // Leaves the demo agents' capacity as it was for the next test.
        call(bob, "POST", "api/v1/threads/" + thread + "/close", null);
    }

    @Test
    void aliceTakesBackAnOfferAndBobsConsoleDropsIt() throws Exception {
        String visitor = "Walt " + UUID.randomUUID().toString().substring(0, 8);
        JsonObject chat = startVisitorChat(visitor);
        String thread = chat.getJsonObject("thread").getString("uid");
        String bobsUid = call(bob, "GET", "api/v1/me", null).getJsonObject("agent").getString("uid");
        call(alice, "POST", "api/v1/threads/" + thread + "/transfer", "{\"agentUid\":\"" + bobsUid + "\"}");

        wait(bobsBrowser).until(d -> text(d, ".offer--incoming").contains(visitor));
        wait(alicesBrowser).until(d -> text(d, ".offer--outgoing").contains(visitor));
        alicesBrowser.findElement(By.cssSelector(".offer--outgoing button")).click();

        wait(alicesBrowser).until(d -> d.findElements(By.cssSelector(".offer--outgoing")).isEmpty());
        wait(bobsBrowser).until(d -> d.findElements(By.cssSelector(".offer--incoming")).isEmpty());
        wait(bobsBrowser).until(d -> text(d, "#toasts").contains("Alice took back the offer of " + visitor));
        call(alice, "POST", "api/v1/threads/" + thread + "/close", null);
    }

    private ChromeDriver open(String username) throws Exception {
        ChromeDriver driver = Browser.start(Path.of("target", "chromium-profile-" + UUID.randomUUID()));
        driver.get(consoleBase() + "auth/login?accessToken=" + token(username));
        new WebDriverWait(driver, Duration.ofSeconds(40)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "if (!window.__agentConsole) { done(false); return; }"
                        + "window.__agentConsole.ready.then(() => done(true), () => done(false));")));
        return driver;
    }

    private static By visitorEntry(String nickname) {
        return By.xpath("//*[contains(@class,'thread__name')][normalize-space(.)='" + nickname + "']");
    }

    private static String text(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText()).reduce("", String::concat);
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private JsonObject startVisitorChat(String nickname) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(consoleBase()
                + "api/v1/visitor/threads")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workgroupUid\":\"wg-sales\",\"nickname\":\"" + nickname
                        + "\",\"topic\":\"Pricing\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        return Json.createReader(new StringReader(started.body())).readObject();
    }

    private JsonObject call(String credential, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(consoleBase() + path))
                .header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private String credential(String username) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create(consoleBase() + "auth/login?accessToken=" + token(username))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private String consoleBase() {
        return "http://127.0.0.1:" + base.getPort() + "/agent/";
    }

    private static String token(String username) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .claim("org", "demo")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(Base64.getDecoder().decode(System.getProperty("agent.it.hmacSecret"))));
        return jwt.serialize();
    }
}
