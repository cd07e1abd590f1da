package dev.agentconsole.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Answers whether the database can be queried right now (readiness), which database it is and its schema. */
@Stateless
public class DatabaseProbe {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    public boolean reachable() {
        try {
            // One indexed row at most, however many tenants there are.
            em.createQuery("select o.id from Organisation o", Long.class).setMaxResults(1).getResultList();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the data source is an H2 database, which on these servers is their embedded default. Asked of the
     * driver: the persistence unit may not have connected yet.
     */
    public boolean isEmbedded() {
        try {
            return "h2".equals(SchemaMigrations.kindOf(dataSource));
        } catch (IllegalStateException otherOrUnreachable) {
            return false;
        }
    }

    /**
     * The schema versions applied, in order, as Flyway's history table lists them ("0" marks a database that an
     * earlier version had created); empty when there is no history. Quoted names: Flyway creates them lower case.
     */
    public String schemaVersions() {
        try {
            List<?> versions = em.createNativeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                    .getResultList();
            return versions.stream().map(String::valueOf).collect(Collectors.joining(","));
        } catch (RuntimeException e) {
            return "";
        }
    }
}
