package dev.agentconsole.session.control;

import dev.agentconsole.model.session.EndedSession;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The ended-session records, each call one transaction. */
@Stateless
public class EndedSessions {

    @PersistenceContext
    EntityManager em;

    public void record(String sessionId, String agentUid, Instant validUntil) {
        if (em.find(EndedSession.class, sessionId) == null) {
            em.persist(new EndedSession(sessionId, agentUid, Instant.now(), validUntil));
        }
    }

    public List<EndedSession> endedSince(Instant since) {
        return em.createNamedQuery(EndedSession.ENDED_SINCE, EndedSession.class)
                .setParameter("since", since.toEpochMilli())
                .setParameter("now", System.currentTimeMillis())
                .getResultList();
    }

    public int forgetExpired() {
        return em.createNamedQuery(EndedSession.PURGE).setParameter("now", System.currentTimeMillis())
                .executeUpdate();
    }
}
