package dev.agentconsole.web.visitor;

import dev.agentconsole.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The limits of the public visitor side (see the README's configuration table). The defaults are far above what a
 * person typing into the chat page does and far below what a script does. Methods, not fields, so that a test
 * deployment can replace the bean with tighter values.
 */
@ApplicationScoped
public class VisitorSettings {

    @Inject
    @Setting(value = "agent.visitor.rate.threads-per-minute", defaultValue = "20")
    int threadsPerAddress;

    @Inject
    @Setting(value = "agent.visitor.rate.messages-per-minute", defaultValue = "300")
    int messagesPerAddress;

    @Inject
    @Setting(value = "agent.visitor.rate.token-threads-per-minute", defaultValue = "5")
    int threadsPerToken;

    @Inject
    @Setting(value = "agent.visitor.rate.token-messages-per-minute", defaultValue = "60")
    int messagesPerToken;

    @Inject
    @Setting(value = "agent.visitor.rate.max-tracked", defaultValue = "100000")
    int maxTracked;

    @Inject
    @Setting("agent.visitor.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @Setting(value = "agent.visitor.token-idle", defaultValue = "PT24H")
    Duration tokenIdle;

    /** Threads one client address may start per minute (also the burst). */
    public int threadsPerAddress() {
        return threadsPerAddress;
    }

    /** Messages one client address may post per minute (also the burst). */
    public int messagesPerAddress() {
        return messagesPerAddress;
    }

    /** Threads one visitor (by token) may start per minute. */
    public int threadsPerToken() {
        return threadsPerToken;
    }

    /** Messages one visitor (by token) may post per minute. */
    public int messagesPerToken() {
        return messagesPerToken;
    }

    /** Clients (addresses or visitors) remembered per limit; beyond it the idle are dropped first. */
    public int maxTracked() {
        return maxTracked;
    }

    /** Addresses of reverse proxies whose {@code X-Forwarded-For} is believed; empty: none is. */
    public List<String> trustedProxies() {
        return trustedProxies.map(ClientAddress::parseList).orElse(List.of());
    }

    /** A visitor token unused this long stops working. */
    public Duration tokenIdle() {
        return tokenIdle;
    }
}
