package dev.agentconsole.demo;

import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code agent.demo.seed=true} (set by {@code ./run.sh}) the first start creates a demo organisation with two
 * workgroups and three agents, so the console can be tried at once. Does nothing when the data is already there.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataSeeder {

    public static final String ORGANISATION = "demo";
    public static final String SALES = "wg-sales";
    public static final String SUPPORT = "wg-support";

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @Inject
    @ConfigProperty(name = "agent.demo.seed", defaultValue = "false")
    boolean enabled;

    @EJB
    OrganisationAdmin admin;

    @PostConstruct
    void seed() {
        if (!enabled || admin.organisationExists(ORGANISATION)) {
            return;
        }
        try {
            admin.createOrganisation(ORGANISATION, "Demo Company");
        } catch (RuntimeException raced) {
            // Another cluster member sharing the database seeded it at the same moment.
            LOG.info("demo organisation is being seeded by another member");
            return;
        }
        admin.createWorkgroup(ORGANISATION, SALES, "Sales");
        admin.createWorkgroup(ORGANISATION, SUPPORT, "Support");
        admin.createAgent(ORGANISATION, "alice@example.com", "Alice", 5, List.of(SALES, SUPPORT));
        admin.createAgent(ORGANISATION, "bob@example.com", "Bob", 3, List.of(SALES));
        admin.createAgent(ORGANISATION, "carol@example.com", "Carol", 3, List.of(SUPPORT));
        LOG.info("demo organisation seeded: workgroups " + SALES + ", " + SUPPORT
                + "; agents alice@example.com, bob@example.com, carol@example.com");
    }
}
