package dev.agentconsole.transfer.boundary;

import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.transfer.OfferState;
import dev.agentconsole.transfer.control.OfferLookup;
import dev.agentconsole.transfer.control.OfferTransitions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Transfers to a colleague go through an offer: made by the thread's holder, accepted or declined by the colleague,
 * cancelled by the holder, or expired by the clock. Like {@link dev.agentconsole.thread.boundary.ThreadLifecycle},
 * each move is one transaction, repeated on fresh data when it lost a race.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TransferOffers {

    /** Due offers settled per sweep; more wait for the next one. */
    static final int SWEEP_BATCH = 100;

    @EJB
    OfferTransitions transitions;

    @Inject
    OfferLookup lookup;

    @Inject
    Records records;

    @Interceptors(AcknowledgeDurably.class)
    public TransferOfferView offer(String agentUid, String threadUid, String targetAgentUid) {
        return ConflictRetry.run(() -> transitions.offer(agentUid, threadUid, targetAgentUid));
    }

    @Interceptors(AcknowledgeDurably.class)
    public TransferOfferView accept(String agentUid, String offerUid) {
        return ended(ConflictRetry.run(() -> transitions.accept(agentUid, offerUid)), OfferState.ACCEPTED);
    }

    @Interceptors(AcknowledgeDurably.class)
    public TransferOfferView decline(String agentUid, String offerUid) {
        return ended(ConflictRetry.run(() -> transitions.decline(agentUid, offerUid)), OfferState.DECLINED);
    }

    @Interceptors(AcknowledgeDurably.class)
    public TransferOfferView cancel(String agentUid, String offerUid) {
        return ended(ConflictRetry.run(() -> transitions.cancel(agentUid, offerUid)), OfferState.CANCELLED);
    }

    /** The offer as one of its two agents sees it; to anyone else it does not exist. */
    public TransferOfferView read(String agentUid, String offerUid) {
        return TransferOfferView.of(lookup.partyOffer(records.agent(agentUid), offerUid));
    }

    /** Offers the agent made or received that still wait for an answer, oldest first. */
    public List<TransferOfferView> pending(String agentUid) {
        return lookup.pending(records.agent(agentUid)).stream().map(TransferOfferView::of).toList();
    }

    /**
     * Settles the offers due at {@code now}, each in its own transaction; answers how many this call settled. Run by
     * every cluster member: an offer another member settled first is skipped (its state decides), so each one ends
     * once and is announced once.
     */
    public int expireDue(Instant now) {
        int settled = 0;
        for (String uid : lookup.due(now, SWEEP_BATCH)) {
            if (ConflictRetry.run(() -> transitions.expire(uid, now))) {
                settled++;
            }
        }
        return settled;
    }

    /**
     * The move was made on an offer that turned out to be due (it was settled as expired or withdrawn, and both
     * agents were told): the caller's request is refused with what happened.
     */
    private static TransferOfferView ended(TransferOfferView offer, OfferState wanted) {
        if (!wanted.name().equals(offer.state())) {
            String outcome = offer.state().toLowerCase(Locale.ROOT);
            throw new DomainRuleException("transfer_offer_" + outcome, "the offer was already " + outcome);
        }
        return offer;
    }
}
