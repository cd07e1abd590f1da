package dev.agentconsole.web.health.microprofile;

import dev.agentconsole.web.health.ReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check for MicroProfile Health ({@code /health/ready} on Payara). The only class that uses its API;
 * registered by {@link dev.agentconsole.web.health.MicroProfileHealthRegistration} when the server has it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    ReadinessCheck check;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(ReadinessCheck.NAME).status(check.up());
        check.data().forEach(response::withData);
        return response.build();
    }
}
