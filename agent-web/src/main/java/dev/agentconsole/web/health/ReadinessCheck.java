package dev.agentconsole.web.health;

import dev.agentconsole.infrastructure.persistence.DatabaseProbe;
import dev.agentconsole.web.api.UnsafeDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready when the database answers, with the schema versions applied and the unsafe defaults still in use as data (still ready: a demo is a legitimate
 * deployment; monitoring alerts on the entries). Served by {@link ReadinessResource} everywhere and by MicroProfile
 * Health where the server has it.
 */
@ApplicationScoped
public class ReadinessCheck {

    public static final String NAME = "agent-console-database";

    @Inject
    DatabaseProbe database;

    @Inject
    UnsafeDefaults unsafe;

    /** Read once: the schema changes only with a new version of the application, which starts this bean afresh. */
    private volatile String schemaVersions;

    public boolean up() {
        return database.reachable();
    }

    /** {@code unsafe-default-1}, {@code unsafe-default-2}, ... in the order the README lists them. */
    public Map<String, String> data() {
        List<String> found = unsafe.found();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("schema-versions", schemaVersions());
        for (int i = 0; i < found.size(); i++) {
            data.put("unsafe-default-" + (i + 1), found.get(i));
        }
        return data;
    }

    private String schemaVersions() {
        String known = schemaVersions;
        if (known == null || known.isEmpty()) {
            known = database.schemaVersions();
            schemaVersions = known;
        }
        return known;
    }
}
