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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in real Chromium, signed in through the login link with {@code to=admin}: an administrator of the
 * demo organisation creates a workgroup and an agent through the forms, and the server has them as entered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPageBrowserIT {

    private static final Path DOCS = Path.of(System.getProperty("agent.it.docs", "../docs"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Browser.microWar();
    }

    @ArquillianResource
    URL base;

    ChromeDriver driver;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    void anAdministratorCreatesAWorkgroupAndAnAgentThroughTheForms() throws Exception {
        // Unique per run: the names stay in the deployment's database.
        String suffix = Long.toString(System.currentTimeMillis() % 100_000, 36);
        String workgroup = "Returns " + suffix;
        String username = "dave-" + suffix + "@example.com";
        driver.get(base + "auth/login?to=admin&accessToken=" + token("carol@example.com", List.of("admin")));
        waitUntilText("Workgroups");
        waitUntilText("Support");

        WebElement workgroupForm = driver.findElement(By.id("workgroup-form"));
        workgroupForm.findElement(By.name("name")).sendKeys(workgroup);
        workgroupForm.findElement(By.name("queueCap")).sendKeys("25");
        workgroupForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilText(workgroup);

        WebElement agentForm = driver.findElement(By.id("agent-form"));
        agentForm.findElement(By.name("username")).sendKeys(username);
        agentForm.findElement(By.name("nickname")).sendKeys("Dave");
        agentForm.findElement(By.name("maxThreads")).sendKeys("4");
        agentForm.findElement(By.cssSelector("input[name=role][value=SUPERVISOR]")).click();
        for (WebElement label : agentForm.findElements(By.cssSelector("label.admin__choice"))) {
            if (label.getText().equals(workgroup) || label.getText().equals("Sales")) {
                label.findElement(By.tagName("input")).click();
            }
        }
        agentForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilText(username);
        waitUntilText("Carol created agent");

        // The server has what the forms said.
        String credential = (String) driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('agent-console.credential')).credential");
        JsonObject dave = Json.createReader(new StringReader(get("api/v1/admin/agents", credential))).readArray()
                .stream().map(JsonObject.class::cast).filter(a -> a.getString("username").equals(username))
                .findFirst().orElseThrow();
        assertEquals(4, dave.getInt("maxThreads"));
        assertEquals("[\"SUPERVISOR\"]", dave.getJsonArray("roles").toString());
        assertEquals(List.of(workgroup, "Sales"), dave.getJsonArray("workgroups").stream()
                .map(w -> w.asJsonObject().getString("name")).sorted().toList());
        assertTrue(driver.getCurrentUrl().endsWith("/agent/admin.html"), "the credential left the address bar");

        // The whole page, from the top: tall enough for both tables, the forms and the recent changes.
        driver.manage().window().setSize(new Dimension(1280, 1600));
        driver.executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(DOCS);
        Files.write(DOCS.resolve("admin.png"), driver.getScreenshotAs(OutputType.BYTES));

        // Edited through the same form; a name that looks like markup stays text.
        driver.findElement(By.cssSelector("tr[data-uid='" + dave.getString("uid") + "'] button")).click();
        WebElement editForm = driver.findElement(By.id("agent-form"));
        assertEquals(username, editForm.findElement(By.name("username")).getAttribute("value"));
        editForm.findElement(By.name("nickname")).clear();
        editForm.findElement(By.name("nickname")).sendKeys("<b>Dave</b>");
        editForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilText("<b>Dave</b>");
        assertTrue(driver.findElements(By.cssSelector("#admin b")).isEmpty(), "names are shown as text");
        waitUntilText("Carol changed agent");
    }

    @Test
    void anAgentWithoutTheAdminRoleIsToldThePageIsNotForThemAndTheConsoleOffersNoWayThere() throws Exception {
        driver.get(base + "auth/login?accessToken=" + token("bob@example.com", List.of()));
        ConsoleBrowserIT.waitForConsole(driver);
        assertTrue(driver.findElements(By.id("admin-link")).isEmpty());

        driver.get(base + "auth/login?to=admin&accessToken=" + token("bob@example.com", List.of()));
        waitUntilText("This page is for administrators");
        assertTrue(driver.findElement(By.id("admin")).getAttribute("hidden") != null);
    }

    @Test
    void theConsoleOfAnAdministratorLeadsToTheAdminPageInTheSameTab() throws Exception {
        driver.get(base + "auth/login?accessToken=" + token("alice@example.com", List.of("admin")));
        ConsoleBrowserIT.waitForConsole(driver);
        WebElement link = driver.findElement(By.id("admin-link"));
        assertEquals("Administration", link.getText());

        link.click();
        waitUntilText("Workgroups");
        waitUntilText("Support");
        assertTrue(driver.getCurrentUrl().endsWith("/agent/admin.html"), driver.getCurrentUrl());
    }

    private void waitUntilText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "no '" + text + "' in: "
                + driver.findElement(By.tagName("body")).getText())
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private String get(String path, String credential) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + credential).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static String token(String username, List<String> roles) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .claim("org", "demo")
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(Base64.getDecoder().decode(System.getProperty("agent.it.hmacSecret"))));
        return jwt.serialize();
    }
}
