package dev.agentconsole.transfer.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.transfer.OfferState;
import dev.agentconsole.model.transfer.TransferOffer;
import dev.agentconsole.thread.control.ThreadAccess;
import dev.agentconsole.thread.control.ThreadTransitions;
import dev.agentconsole.transfer.boundary.TransferOfferView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * One transaction per offer move. Every move locks the offered thread's row first, so the moves of one thread's
 * offers (and its messages) take turns; the offer's version settles what slips past that (an offer read before the
 * lock). A due offer (time up, or the thread no longer the sender's) is settled as such by whichever move meets it
 * first, and that move's caller is told so.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(ConflictDetector.class)
public class OfferTransitions {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    ThreadAccess access;

    @Inject
    EventLog eventLog;

    @Inject
    TransferOfferSettings settings;

    @Inject
    OfferLookup lookup;

    @EJB
    ThreadTransitions threads;

    public TransferOfferView offer(String agentUid, String threadUid, String targetAgentUid) {
        Instant now = Instant.now();
        Agent from = records.agent(agentUid);
        ChatThread thread = access.requireReadable(from, records.threadForAppend(from.getOrganisation(), threadUid));
        Agent to = records.agentOf(from.getOrganisation(), targetAgentUid);
        EventBatch batch = new EventBatch();
        for (TransferOffer pending : em.createNamedQuery(TransferOffer.PENDING_OF_THREAD, TransferOffer.class)
                .setParameter("thread", thread).getResultList()) {
            if (!pending.isDue(now)) {
                throw new DomainRuleException("transfer_offer_pending",
                        "the thread is already offered to " + pending.getToAgent().getNickname());
            }
            settle(pending, pending.dueOutcome(), now, batch);
        }
        TransferOffer offer = TransferOffer.of(thread, from, to, now, settings.offerTimeout());
        em.persist(offer);
        announce(offer, batch);
        eventLog.write(batch);
        return TransferOfferView.of(offer);
    }

    /** The target takes the thread; answers the offer as it ends (not ACCEPTED when it was due). */
    public TransferOfferView accept(String agentUid, String offerUid) {
        Agent agent = records.agent(agentUid);
        TransferOffer offer = lockedForMove(agent, offerUid);
        requireTarget(agent, offer);
        Instant now = Instant.now();
        EventBatch batch = new EventBatch();
        if (!settleIfDue(offer, now, batch)) {
            // The move every direct transfer makes: the thread, both agents' load and streams, the visitor's notice.
            threads.transferToAgent(offer.getFromAgent().getUid(), offer.getThread().getUid(), agent.getUid());
            settle(offer, OfferState.ACCEPTED, now, batch);
        }
        eventLog.write(batch);
        return TransferOfferView.of(offer);
    }

    public TransferOfferView decline(String agentUid, String offerUid) {
        Agent agent = records.agent(agentUid);
        TransferOffer offer = lockedForMove(agent, offerUid);
        requireTarget(agent, offer);
        return settleUnlessDue(offer, OfferState.DECLINED);
    }

    public TransferOfferView cancel(String agentUid, String offerUid) {
        Agent agent = records.agent(agentUid);
        TransferOffer offer = lockedForMove(agent, offerUid);
        if (!agent.equals(offer.getFromAgent())) {
            throw new DomainRuleException("not_your_offer", "only the agent who made the offer can cancel it");
        }
        return settleUnlessDue(offer, OfferState.CANCELLED);
    }

    /** Settles the offer if it is still pending and due at {@code now}; false when there was nothing to do. */
    public boolean expire(String offerUid, Instant now) {
        List<TransferOffer> found = em.createNamedQuery(TransferOffer.BY_UID, TransferOffer.class)
                .setParameter("uid", offerUid).getResultList();
        if (found.isEmpty() || found.get(0).getState().isSettled()) {
            return false;
        }
        TransferOffer offer = found.get(0);
        lockThread(offer);
        EventBatch batch = new EventBatch();
        boolean settled = offer.getState() == OfferState.PENDING && settleIfDue(offer, now, batch);
        eventLog.write(batch);
        return settled;
    }

    private TransferOfferView settleUnlessDue(TransferOffer offer, OfferState outcome) {
        Instant now = Instant.now();
        EventBatch batch = new EventBatch();
        if (!settleIfDue(offer, now, batch)) {
            settle(offer, outcome, now, batch);
        }
        eventLog.write(batch);
        return TransferOfferView.of(offer);
    }

    private boolean settleIfDue(TransferOffer offer, Instant now, EventBatch batch) {
        if (!offer.isDue(now)) {
            return false;
        }
        settle(offer, offer.dueOutcome(), now, batch);
        return true;
    }

    private void settle(TransferOffer offer, OfferState outcome, Instant now, EventBatch batch) {
        offer.settle(outcome, now);
        announce(offer, batch);
    }

    /** Both agents hear of every step, on their own streams (the sender's console shows "offered to ..."). */
    private void announce(TransferOffer offer, EventBatch batch) {
        batch.add(offer.getFromAgent(), EventType.TRANSFER_OFFER, OfferPayloads.offer(offer));
        batch.add(offer.getToAgent(), EventType.TRANSFER_OFFER, OfferPayloads.offer(offer));
    }

    private TransferOffer lockedForMove(Agent agent, String offerUid) {
        TransferOffer offer = lookup.partyOffer(agent, offerUid);
        lockThread(offer);
        offer.requirePending();
        return offer;
    }

    private void lockThread(TransferOffer offer) {
        ChatThread thread = offer.getThread();
        records.threadForAppend(thread.getOrganisation(), thread.getUid());
    }

    private static void requireTarget(Agent agent, TransferOffer offer) {
        if (!agent.equals(offer.getToAgent())) {
            throw new DomainRuleException("not_offered_to_you", "only the agent the thread is offered to can answer");
        }
    }
}
