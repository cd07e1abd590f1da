package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void withNoHostOnlyThisOriginFramesTheConsoleAndBothHeadersSaySo() {
        assertEquals("frame-ancestors 'self'", SecurityHeaders.frameAncestors(List.of()));
        assertEquals("SAMEORIGIN", SecurityHeaders.frameOptions(List.of()));
    }

    @Test
    void withAllowListedHostsXFrameOptionsDoesNotContradictFrameAncestors() {
        List<String> hosts = List.of("https://portal.example.com", "http://localhost:8080");
        assertEquals("frame-ancestors 'self' https://portal.example.com http://localhost:8080",
                SecurityHeaders.frameAncestors(hosts));
        assertEquals("ALLOWALL", SecurityHeaders.frameOptions(hosts));
    }

    @Test
    void socketsMayGoToTheRequestsOwnHostOnly() {
        assertEquals("connect-src 'self' ws://console.example.com wss://console.example.com",
                SecurityHeaders.connectSources("console.example.com"));
        assertEquals("connect-src 'self' ws://127.0.0.1:8080 wss://127.0.0.1:8080",
                SecurityHeaders.connectSources("127.0.0.1:8080"));
        assertEquals("connect-src 'self' ws://[::1]:8080 wss://[::1]:8080", SecurityHeaders.connectSources("[::1]:8080"));
    }

    @Test
    void aHostHeaderThatCouldAddSourcesOrDirectivesGetsSelfOnly() {
        for (String host : new String[] {null, "", "a.example *", "a.example; script-src *", "a.example:80 b.example",
            "*", "a.example/x", "user@a.example"}) {
            assertEquals("connect-src 'self'", SecurityHeaders.connectSources(host), String.valueOf(host));
        }
    }
}
