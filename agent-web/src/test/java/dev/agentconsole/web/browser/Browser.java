package dev.agentconsole.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven through Debian's chromedriver: nothing is downloaded (no Selenium Manager), the profile is
 * fresh, and third-party cookies are blocked, as in the strictest portal browsers.
 */
final class Browser {

    private Browser() {
    }

    /** The Payara Micro WAR this module built, unchanged: the browser tests drive it from outside. */
    static WebArchive microWar() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "agent.war");
        war.merge(ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("agent.it.microWar", "target/agent-micro.war"))));
        return war;
    }

    static ChromeDriver start(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("agent.it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("agent.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        // 1 = block third-party cookies: the console must not need a cookie inside the iframe.
        options.setExperimentalOption("prefs", Map.of("profile.cookie_controls_mode", 1,
                "profile.block_third_party_cookies", true, "intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Browser console lines seen so far (each read drains chromedriver's buffer). */
    static List<String> consoleLines(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getMessage()).toList();
    }
}
