package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.config.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host origins the console's bridge may talk to (contract §5), from {@code agent.bridge.allowed-origins}, read
 * once at start. Only exact origins are kept: a wildcard, a path or a malformed entry is dropped with one warning, so
 * '*' can never slip in. {@link #normaliseOrigin} follows the same rules as the browser's {@code sdk/origin.js}
 * (both are tested against {@code origin-cases.json}), so the bridge and the CSP agree on every entry.
 */
@ApplicationScoped
public class BridgeSettings {

    private static final Logger LOG = Logger.getLogger(BridgeSettings.class.getName());

    private static final Pattern ORIGIN_SHAPE = Pattern.compile("^(https?)://([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?/?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
    // A last label like these makes browsers read the host as an IPv4 number.
    private static final Pattern NUMERIC_LABEL = Pattern.compile("^(?:[0-9]+|0x[0-9a-f]*)$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
    private static final Pattern EDGE_BLANKS = Pattern.compile("^[ \\t]+|[ \\t]+$");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443);

    @Inject
    @Setting("agent.bridge.allowed-origins")
    Optional<String> configured;

    private List<String> origins = List.of();

    @PostConstruct
    void read() {
        origins = parseAllowList(configured.orElse(""));
    }

    /** Reads the list at deployment, so a bad entry is reported when the application starts. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        allowedOrigins();
    }

    public List<String> allowedOrigins() {
        return origins;
    }

    static List<String> parseAllowList(String value) {
        Set<String> kept = new LinkedHashSet<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            Optional<String> origin = normaliseOrigin(entry);
            if (origin.isPresent()) {
                kept.add(origin.get());
            } else {
                LOG.warning(() -> "ignoring agent.bridge.allowed-origins entry that is not one exact http(s) origin: "
                        + entry.strip());
            }
        }
        return List.copyOf(new ArrayList<>(kept));
    }

    /**
     * The origin an entry stands for as browsers write it (lower case, default port dropped), or empty when the entry
     * is not exactly one http(s) origin.
     */
    public static Optional<String> normaliseOrigin(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        Matcher shape = ORIGIN_SHAPE.matcher(EDGE_BLANKS.matcher(entry).replaceAll(""));
        if (!shape.matches()) {
            return Optional.empty();
        }
        String scheme = shape.group(1).toLowerCase(Locale.ROOT);
        String host = shape.group(2).toLowerCase(Locale.ROOT);
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.empty();
        }
        String port = "";
        if (shape.group(3) != null) {
            int number = Integer.parseInt(shape.group(3));
            if (number < 1 || number > 65535) {
                return Optional.empty();
            }
            if (number != DEFAULT_PORTS.get(scheme)) {
                port = ":" + number;
            }
        }
        return Optional.of(scheme + "://" + host + port);
    }
}
