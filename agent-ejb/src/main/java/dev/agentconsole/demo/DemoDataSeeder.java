package dev.agentconsole.demo;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * With {@code agent.demo.seed=true} (set by {@code ./run.sh}) the first start creates a demo organisation with two
 * workgroups and three agents, so the console can be tried at once. Does nothing when the data is already there.
 * <p>
 * For load tests, {@code agent.demo.scale.agents=N} also adds agents {@code bench-agent-0001@example.com}... (capacity
 * {@code agent.demo.scale.capacity}) spread round-robin over {@code agent.demo.scale.workgroups} workgroups
 * {@code wg-bench-01}...; only the missing ones are created.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataSeeder {

    public static final String ORGANISATION = "demo";
    public static final String SALES = "wg-sales";
    public static final String SUPPORT = "wg-support";

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @Inject
    @Setting(value = "agent.demo.seed", defaultValue = "false")
    boolean enabled;

    @Inject
    @Setting(value = "agent.demo.scale.agents", defaultValue = "0")
    int scaleAgents;

    @Inject
    @Setting(value = "agent.demo.scale.workgroups", defaultValue = "10")
    int scaleWorkgroups;

    @Inject
    @Setting(value = "agent.demo.scale.capacity", defaultValue = "50")
    int scaleCapacity;

    @EJB
    OrganisationAdmin admin;

    @EJB
    ScaleSeeding scale;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        if (!admin.organisationExists(ORGANISATION)) {
            seedDemo();
        }
        if (scaleAgents > 0) {
            seedScale();
        }
    }

    private void seedDemo() {
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

    private void seedScale() {
        long started = System.nanoTime();
        List<String> workgroups = new ArrayList<>();
        for (int i = 1; i <= Math.max(1, scaleWorkgroups); i++) {
            workgroups.add(ScaleSeeding.workgroupUid(i));
        }
        try {
            scale.createMissingWorkgroups(ORGANISATION, workgroups);
            Set<String> existing = scale.existingUsernames(ORGANISATION, "bench-agent-");
            List<Integer> missing = new ArrayList<>();
            for (int n = 1; n <= scaleAgents; n++) {
                if (!existing.contains(ScaleSeeding.username(n))) {
                    missing.add(n);
                }
            }
            // Batches keep each transaction short while a thousand agents still take only a few of them.
            for (int from = 0; from < missing.size(); from += 200) {
                scale.createAgents(ORGANISATION, missing.subList(from, Math.min(missing.size(), from + 200)),
                        scaleCapacity, workgroups);
            }
            LOG.info("scale seeding: " + missing.size() + " of " + scaleAgents + " bench agents created in "
                    + workgroups.size() + " workgroups in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException raced) {
            LOG.warning("scale seeding failed (another member seeding at the same time?): " + raced);
        }
    }
}
