package dev.agentconsole.model.transfer;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An agent offers a thread it holds to a colleague, who accepts or declines. Until then the thread stays with the
 * sender. The offer's own state decides every race (accept against cancel, expiry on two cluster members): it leaves
 * PENDING once, under its version.
 */
@Entity
@Table(name = "transfer_offer")
@NamedQuery(name = TransferOffer.BY_UID, query = "select o from TransferOffer o where o.uid = :uid")
@NamedQuery(name = TransferOffer.PENDING_OF_THREAD,
        query = "select o from TransferOffer o where o.thread = :thread and o.state = dev.agentconsole.model"
                + ".transfer.OfferState.PENDING")
@NamedQuery(name = TransferOffer.PENDING_OF_AGENT,
        query = "select o from TransferOffer o where o.state = dev.agentconsole.model.transfer.OfferState.PENDING"
                + " and (o.fromAgent = :agent or o.toAgent = :agent) order by o.createdAt")
// Due: the time is up, or the thread is no longer the sender's to give.
@NamedQuery(name = TransferOffer.DUE,
        query = "select o.uid from TransferOffer o join o.thread t where o.state = dev.agentconsole.model.transfer"
                + ".OfferState.PENDING and (o.expiresAt <= :now or t.agent <> o.fromAgent or t.agent is null"
                + " or t.status not in (dev.agentconsole.model.thread.ThreadStatus.ASSIGNED,"
                + " dev.agentconsole.model.thread.ThreadStatus.CHATTING)) order by o.expiresAt")
public class TransferOffer extends Identified {

    public static final String BY_UID = "TransferOffer.byUid";
    public static final String PENDING_OF_THREAD = "TransferOffer.pendingOfThread";
    public static final String PENDING_OF_AGENT = "TransferOffer.pendingOfAgent";
    public static final String DUE = "TransferOffer.due";

    @ManyToOne(optional = false)
    private ChatThread thread;

    @ManyToOne(optional = false)
    private Agent fromAgent;

    @ManyToOne(optional = false)
    private Agent toAgent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OfferState state = OfferState.PENDING;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant settledAt;

    @Version
    private long version;

    protected TransferOffer() {
    }

    private TransferOffer(ChatThread thread, Agent from, Agent to, Instant at, Duration timeout) {
        super(null);
        this.thread = thread;
        this.fromAgent = from;
        this.toAgent = to;
        this.createdAt = at;
        this.expiresAt = at.plus(timeout);
    }

    /** Refused unless {@code from} holds the thread and {@code to} is another colleague who is signed in. */
    public static TransferOffer of(ChatThread thread, Agent from, Agent to, Instant at, Duration timeout) {
        if (thread.getStatus() == ThreadStatus.CLOSED) {
            throw new DomainRuleException("thread_closed", "a closed thread cannot be transferred");
        }
        if (!thread.isHeldBy(from)) {
            throw new DomainRuleException("not_your_thread", "thread is not held by this agent");
        }
        if (!to.getOrganisation().equals(from.getOrganisation())) {
            throw new DomainRuleException("foreign_agent", "agent belongs to another organisation");
        }
        if (to.equals(from)) {
            throw new DomainRuleException("transfer_to_self", "thread is already with that agent");
        }
        if (to.getStatus() == AgentStatus.OFFLINE) {
            throw new DomainRuleException("agent_offline", "cannot transfer to an offline agent");
        }
        return new TransferOffer(thread, from, to, at, timeout);
    }

    /** Time is up, or the thread left the sender meanwhile: nobody may accept it any more. */
    public boolean isDue(Instant now) {
        return state == OfferState.PENDING && (!expiresAt.isAfter(now) || !thread.isHeldBy(fromAgent));
    }

    /** What a due offer becomes. */
    public OfferState dueOutcome() {
        return thread.isHeldBy(fromAgent) ? OfferState.EXPIRED : OfferState.WITHDRAWN;
    }

    /** Leaves PENDING for good. */
    public void settle(OfferState outcome, Instant at) {
        if (outcome == OfferState.PENDING) {
            throw new IllegalArgumentException("an offer cannot be settled as pending");
        }
        requirePending();
        state = outcome;
        settledAt = at;
    }

    /** A settled offer refuses every move with what became of it ({@code transfer_offer_expired}, ...). */
    public void requirePending() {
        if (state.isSettled()) {
            String outcome = state.name().toLowerCase(Locale.ROOT);
            throw new DomainRuleException("transfer_offer_" + outcome, "the offer was already " + outcome);
        }
    }

    public boolean involves(Agent agent) {
        return agent.equals(fromAgent) || agent.equals(toAgent);
    }

    public ChatThread getThread() {
        return thread;
    }

    public Agent getFromAgent() {
        return fromAgent;
    }

    public Agent getToAgent() {
        return toAgent;
    }

    public OfferState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public long getVersion() {
        return version;
    }
}
