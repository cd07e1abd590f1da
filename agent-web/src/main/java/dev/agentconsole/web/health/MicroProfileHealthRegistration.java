package dev.agentconsole.web.health;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Adds the MicroProfile Health check only where the server has the MicroProfile Health API. Its package is excluded
 * from bean discovery (beans.xml), so on a server without it the class is never loaded and cannot break deployment.
 */
public class MicroProfileHealthRegistration implements Extension {

    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    private static final String CHECK = "dev.agentconsole.web.health.microprofile.DatabaseReadiness";
    private static final Logger LOG = Logger.getLogger(MicroProfileHealthRegistration.class.getName());

    void addWhenAvailable(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        ClassLoader loader = MicroProfileHealthRegistration.class.getClassLoader();
        try {
            Class.forName(HEALTH_API, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.info("no MicroProfile Health on this server: readiness is at /agent/api/health/ready only");
            return;
        }
        try {
            discovery.addAnnotatedType(beans.createAnnotatedType(Class.forName(CHECK, true, loader)), CHECK);
        } catch (ClassNotFoundException | LinkageError unusable) {
            LOG.info(() -> "MicroProfile Health check not registered: " + unusable);
        }
    }
}
