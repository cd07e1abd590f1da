package dev.agentconsole.web.it;

import dev.agentconsole.web.visitor.VisitorSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;

/**
 * Test-only: deployed by {@link VisitorLimitsIT} alone, it replaces the visitor limits with values each test sets, so
 * tiny limits and a tiny idle time never reach the other container tests. Requests from this machine (any of its
 * addresses) may name their client address in X-Forwarded-For, which gives each test its own clients. Tests change
 * values through methods: the injected reference is a proxy, and a field set on it never reaches the bean.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class AdjustableVisitorSettings extends VisitorSettings {

    private volatile int threadsPerAddress;
    private volatile int messagesPerAddress;
    private volatile int threadsPerToken;
    private volatile int messagesPerToken;
    private volatile Duration tokenIdle;
    private final List<String> thisMachine = localAddresses();

    public AdjustableVisitorSettings() {
        reset();
    }

    /** No limits and a day's idle time: each test tightens only what it checks. */
    public void reset() {
        set(0, 0, 0, 0, Duration.ofDays(1));
    }

    public void set(int threadsPerAddress, int messagesPerAddress, int threadsPerToken, int messagesPerToken,
            Duration tokenIdle) {
        this.threadsPerAddress = threadsPerAddress;
        this.messagesPerAddress = messagesPerAddress;
        this.threadsPerToken = threadsPerToken;
        this.messagesPerToken = messagesPerToken;
        this.tokenIdle = tokenIdle;
    }

    private static List<String> localAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .map(InetAddress::getHostAddress).toList();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int threadsPerAddress() {
        return threadsPerAddress;
    }

    @Override
    public int messagesPerAddress() {
        return messagesPerAddress;
    }

    @Override
    public int threadsPerToken() {
        return threadsPerToken;
    }

    @Override
    public int messagesPerToken() {
        return messagesPerToken;
    }

    @Override
    public int maxTracked() {
        return 1000;
    }

    @Override
    public List<String> trustedProxies() {
        return thisMachine;
    }

    @Override
    public Duration tokenIdle() {
        return tokenIdle;
    }
}
