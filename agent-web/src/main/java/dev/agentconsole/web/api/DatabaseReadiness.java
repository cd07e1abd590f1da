package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers; served by MicroProfile Health at /health/ready, with the schema versions applied
 * and the unsafe defaults in use as data.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Inject
    UnsafeDefaults unsafe;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("agent-console-database")
                .status(database.reachable())
                .withData("schema-versions", database.schemaVersions());
        // Still ready: a demo is a legitimate deployment. Monitoring can alert on the list.
        List<String> found = unsafe.found();
        for (int i = 0; i < found.size(); i++) {
            response.withData("unsafe-default-" + (i + 1), found.get(i));
        }
        return response.build();
    }
}
