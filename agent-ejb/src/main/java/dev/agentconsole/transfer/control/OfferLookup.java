package dev.agentconsole.transfer.control;

import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.transfer.TransferOffer;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Finds offers, inside a transaction or outside one (reads). */
@Dependent
public class OfferLookup {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    /** The offer if the agent made or received it; to anyone else it does not exist. */
    public TransferOffer partyOffer(Agent agent, String offerUid) {
        List<TransferOffer> found = offerUid == null ? List.of()
                : em.createNamedQuery(TransferOffer.BY_UID, TransferOffer.class).setParameter("uid", offerUid)
                        .getResultList();
        if (found.isEmpty() || !found.get(0).involves(agent)) {
            throw new RecordNotFoundException("transfer_offer", String.valueOf(offerUid));
        }
        return found.get(0);
    }

    /** Offers the agent made or received that still wait for an answer, oldest first. */
    public List<TransferOffer> pending(Agent agent) {
        return em.createNamedQuery(TransferOffer.PENDING_OF_AGENT, TransferOffer.class).setParameter("agent", agent)
                .getResultList();
    }

    /** Uids of pending offers that are due at {@code now}, oldest deadline first. */
    public List<String> due(Instant now, int limit) {
        return em.createNamedQuery(TransferOffer.DUE, String.class).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }
}
