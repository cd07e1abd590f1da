package dev.agentconsole.model.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.CloseReason;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransferOfferTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private final Organisation org = new Organisation("org", "Org");
    private final Workgroup sales = new Workgroup(org, "wg", "Sales");
    private final Agent ann = agent("ann", AgentStatus.AVAILABLE);
    private final Agent ben = agent("ben", AgentStatus.BUSY);
    private final ChatThread thread = ChatThread.openInWorkgroup(new Visitor(org, "Vera", T0), sales, "Pricing", T0);

    TransferOfferTest() {
        thread.assignTo(ann, T0);
    }

    private Agent agent(String name, AgentStatus status) {
        Agent agent = new Agent(org, name, name, 5);
        agent.changeStatus(status, StatusCause.CONSOLE, T0);
        return agent;
    }

    private static String refusal(Runnable move) {
        return assertThrows(DomainRuleException.class, move::run).getCode();
    }

    @Test
    void onlyTheHolderOffersAndOnlyToAnotherSignedInColleague() {
        assertEquals("not_your_thread", refusal(() -> TransferOffer.of(thread, ben, ann, T0, MINUTE)));
        assertEquals("transfer_to_self", refusal(() -> TransferOffer.of(thread, ann, ann, T0, MINUTE)));
        Agent away = agent("olga", AgentStatus.OFFLINE);
        assertEquals("agent_offline", refusal(() -> TransferOffer.of(thread, ann, away, T0, MINUTE)));
        Agent stranger = new Agent(new Organisation("other", "Other"), "sam", "sam", 5);
        assertEquals("foreign_agent", refusal(() -> TransferOffer.of(thread, ann, stranger, T0, MINUTE)));

        TransferOffer offer = TransferOffer.of(thread, ann, ben, T0, MINUTE);
        assertEquals(OfferState.PENDING, offer.getState());
        assertEquals(T0.plus(MINUTE), offer.getExpiresAt());
        assertTrue(offer.involves(ann) && offer.involves(ben) && !offer.involves(away));
    }

    @Test
    void anOfferEndsOnceAndThenRefusesEveryMoveWithWhatBecameOfIt() {
        TransferOffer offer = TransferOffer.of(thread, ann, ben, T0, MINUTE);
        offer.settle(OfferState.DECLINED, T0.plusSeconds(5));

        assertEquals(T0.plusSeconds(5), offer.getSettledAt());
        assertEquals("transfer_offer_declined", refusal(offer::requirePending));
        assertEquals("transfer_offer_declined", refusal(() -> offer.settle(OfferState.ACCEPTED, T0)));
        assertEquals(OfferState.DECLINED, offer.getState());
        assertThrows(IllegalArgumentException.class,
                () -> TransferOffer.of(thread, ann, ben, T0, MINUTE).settle(OfferState.PENDING, T0));
    }

    @Test
    void dueWhenTimeIsUpAsExpiredOrWhenTheThreadLeftTheSenderAsWithdrawn() {
        TransferOffer offer = TransferOffer.of(thread, ann, ben, T0, MINUTE);
        assertFalse(offer.isDue(T0.plusSeconds(59)));
        assertTrue(offer.isDue(T0.plusSeconds(60)));
        assertEquals(OfferState.EXPIRED, offer.dueOutcome());

        thread.close(ann, CloseReason.AGENT, T0.plusSeconds(10));
        assertTrue(offer.isDue(T0.plusSeconds(11)));
        assertEquals(OfferState.WITHDRAWN, offer.dueOutcome());
        offer.settle(offer.dueOutcome(), T0.plusSeconds(11));
        assertFalse(offer.isDue(T0.plusSeconds(99)), "a settled offer is never due again");
    }
}
