package dev.agentconsole.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The host origins the console's bridge may talk to (contract §5), from {@code agent.bridge.allowed-origins}. Only
 * exact origins are kept: a wildcard, a path or a malformed entry is dropped with a warning, so '*' can never slip in.
 */
@ApplicationScoped
public class BridgeSettings {

    private static final Logger LOG = Logger.getLogger(BridgeSettings.class.getName());

    @Inject
    @ConfigProperty(name = "agent.bridge.allowed-origins")
    Optional<String> configured;

    public List<String> allowedOrigins() {
        return configured.map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(BridgeSettings::origin).flatMap(Optional::stream).distinct().toList())
                .orElse(List.of());
    }

    static Optional<String> origin(String entry) {
        try {
            URI uri = URI.create(entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().contains("*") && bare) {
                return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        LOG.warning(() -> "ignoring agent.bridge.allowed-origins entry that is not an exact origin: " + entry);
        return Optional.empty();
    }
}
