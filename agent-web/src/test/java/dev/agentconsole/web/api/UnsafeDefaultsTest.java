package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsafeDefaultsTest {

    private static UnsafeDefaults settings(String credentialKey, boolean embeddedDatabase, String secret, boolean seed) {
        UnsafeDefaults unsafe = new UnsafeDefaults();
        unsafe.credentialKey = Optional.ofNullable(credentialKey);
        unsafe.embeddedDatabase = embeddedDatabase;
        unsafe.hmacSecret = Optional.ofNullable(secret);
        unsafe.demoSeed = seed;
        return unsafe;
    }

    @Test
    void theDemoSetupNamesEveryUnsafeSetting() {
        List<String> found = settings(null, true, UnsafeDefaults.PUBLISHED_DEMO_SECRET, true).found();
        assertEquals(4, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("agent.console.credential-key"));
        assertTrue(found.get(1).startsWith("java:comp/DefaultDataSource"));
        assertTrue(found.get(2).startsWith("agent.auth.hmac-secret"));
        assertTrue(found.get(3).startsWith("agent.demo.seed"));
    }

    @Test
    void aProductionSetupNamesNothing() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals(List.of(), settings(key, false, "another-secret-of-our-own", false).found());
    }

    @Test
    void aCredentialKeyThatIsTooShortOrNotBase64IsNamed() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertTrue(settings(shortKey, false, null, false).found().get(0)
                .startsWith("agent.console.credential-key"));
        assertTrue(settings("not base64!", false, null, false).found().get(0)
                .startsWith("agent.console.credential-key"));
    }
}
