package dev.agentconsole.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Answers whether the database can be queried right now (readiness). */
@Stateless
public class DatabaseProbe {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    public boolean reachable() {
        try {
            em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
