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
import jakarta.json.JsonStructure;
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
import java.util.List;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Quick replies in real Chromium: one kept through the console's dialog, one through the API, then "/" and a letter
 * in the composer, the arrow keys to pick, Enter to insert and Enter to send; the server stores the reply's text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuickRepliesBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Browser.microWar();
    }

    @ArquillianResource
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startBrowser() throws Exception {
        driver = Browser.start(Path.of("target", "chromium-profile-" + UUID.randomUUID()));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aQuickReplyChosenWithTheKeyboardIsSentAsTheMessage() throws Exception {
        for (String other : List.of("bob@example.com", "carol@example.com")) {
            call(login(other), "PUT", "api/v1/me/status", "{\"status\":\"OFFLINE\"}");
        }
        String alice = login("alice@example.com");
        call(alice, "PUT", "api/v1/me/status", "{\"status\":\"AVAILABLE\"}");
        call(alice, "POST", "api/v1/quick-replies", "{\"shortcut\":\"goodbye\",\"content\":\"Goodbye, and thanks!\"}");
        String nickname = "Quincy " + UUID.randomUUID().toString().substring(0, 6);
        String thread = startVisitorChat(nickname);
        call(alice, "POST", "api/v1/threads/" + thread + "/accept", null);

        driver.get(consoleBase() + "auth/login?accessToken=" + token("alice@example.com"));
        ConsoleBrowserIT.waitForConsole(driver);
        wait.until(d -> !d.findElements(By.xpath("//*[contains(normalize-space(.), '" + nickname + "')][not(*)]"))
                .isEmpty());
        driver.findElement(By.xpath("//*[contains(normalize-space(.), '" + nickname + "')][not(*)]")).click();
        WebElement composer = driver.findElement(By.id("composer-input"));
        wait.until(d -> composer.isEnabled());

        // Kept through the dialog: markup in it is text, here and in the conversation.
        String greeting = "Hello <b>there</b>, how can I help?";
        driver.findElement(By.cssSelector("button.quick-manager__open")).click();
        WebElement dialog = driver.findElement(By.cssSelector("dialog.quick-manager"));
        wait.until(d -> dialog.isDisplayed() && dialog.getText().contains("/goodbye"));
        dialog.findElement(By.id("quick-shortcut")).sendKeys("Greet");
        dialog.findElement(By.id("quick-content")).sendKeys(greeting);
        dialog.findElement(By.cssSelector(".quick-manager__form button[type=submit]")).click();
        wait.until(d -> dialog.getText().contains("/greet") && dialog.getText().contains("Saved."));
        assertTrue(dialog.findElements(By.cssSelector("b")).isEmpty(), "a reply's markup is not rendered");
        dialog.findElement(By.xpath(".//button[normalize-space(.)='Close']")).click();
        wait.until(d -> !dialog.isDisplayed());

        // "/" opens the list at once; Escape closes it and leaves the text.
        composer.click();
        composer.sendKeys("/");
        WebElement list = driver.findElement(By.cssSelector("[role=listbox].quick-picker"));
        wait.until(d -> list.isDisplayed() && options(list).size() == 2);
        WebElement status = driver.findElement(By.cssSelector(".quick-picker__status[role=status]"));
        assertTrue(status.getAttribute("textContent").startsWith("2 quick replies match"), status.getAttribute("textContent"));
        assertEquals(list.getAttribute("id"), composer.getAttribute("aria-controls"));
        composer.sendKeys(Keys.ESCAPE);
        wait.until(d -> !list.isDisplayed());
        assertEquals("/", composer.getAttribute("value"));
        assertEquals(null, composer.getAttribute("aria-activedescendant"));
        composer.sendKeys("g");
        assertTrue(!list.isDisplayed(), "typing on after Escape does not reopen the list for that slash");
        composer.sendKeys(Keys.BACK_SPACE);
        composer.sendKeys(Keys.BACK_SPACE);

        // "/G": both start with it, in shortcut order; ArrowDown moves to the second, Enter inserts it.
        composer.sendKeys("/G");
        wait.until(d -> list.isDisplayed() && options(list).size() == 2);
        assertEquals(List.of("/goodbye", "/greet"), options(list).stream()
                .map(option -> option.findElement(By.cssSelector(".quick-picker__shortcut")).getText()).toList());
        assertEquals(activeOptionId(list, 0), composer.getAttribute("aria-activedescendant"));
        composer.sendKeys(Keys.ARROW_DOWN);
        wait.until(d -> activeOptionId(list, 1).equals(composer.getAttribute("aria-activedescendant")));
        assertEquals("true", options(list).get(1).getAttribute("aria-selected"));
        composer.sendKeys(Keys.ENTER);
        wait.until(d -> greeting.equals(composer.getAttribute("value")));
        assertTrue(!list.isDisplayed(), "the list closes once a reply is in");
        assertTrue(fetchMessages(alice, thread).stream().noneMatch(greeting::equals), "inserting does not send");

        composer.sendKeys(Keys.ENTER);
        wait.until(d -> fetchMessages(alice, thread).contains(greeting));
        wait.until(d -> "".equals(composer.getAttribute("value")));
        wait.until(d -> ConsoleBrowserIT.bodyText(d).contains(greeting));
        assertTrue(driver.findElements(By.cssSelector(".messages b")).isEmpty(), "sent text stays text");
        assertEquals(List.of(greeting), fetchMessages(alice, thread));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static List<WebElement> options(WebElement list) {
        return list.findElements(By.cssSelector("[role=option]"));
    }

    static String activeOptionId(WebElement list, int index) {
        return options(list).get(index).getAttribute("id");
    }

    /** The agent's messages in the thread, oldest first. */
    List<String> fetchMessages(String credential, String thread) {
        try {
            return ((JsonObject) call(credential, "GET", "api/v1/threads/" + thread + "/messages", null))
                    .getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .filter(message -> "AGENT".equals(message.getString("senderKind")))
                    .map(message -> message.getString("content")).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String startVisitorChat(String nickname) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(consoleBase()
                + "api/v1/visitor/threads")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workgroupUid\":\"wg-sales\",\"nickname\":\"" + nickname
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        return Json.createReader(new StringReader(started.body())).readObject().getJsonObject("thread")
                .getString("uid");
    }

    String login(String username) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create(consoleBase() + "auth/login?accessToken=" + token(username))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    JsonStructure call(String credential, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(consoleBase() + path))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? null : Json.createReader(new StringReader(response.body())).read();
    }

    String consoleBase() {
        return "http://127.0.0.1:" + base.getPort() + "/agent/";
    }

    String token(String username) throws Exception {
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
