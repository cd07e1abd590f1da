package dev.agentconsole.organisation.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.organisation.AdminAuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Records administrators' changes in the caller's transaction: a change and its audit entry commit together. */
@Dependent
public class AuditTrail {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    public void record(Agent admin, String action, String targetUid, JsonObject detail, Instant at) {
        em.persist(new AdminAuditEntry(admin.getOrganisation(), admin.getUid(), action, targetUid, detail.toString(),
                at));
    }

    /** The organisation's newest entries first. */
    public List<AdminAuditEntry> newest(Agent admin, int limit) {
        return em.createNamedQuery(AdminAuditEntry.OF_ORGANISATION, AdminAuditEntry.class)
                .setParameter("organisation", admin.getOrganisation())
                .setMaxResults(limit)
                .getResultList();
    }
}
