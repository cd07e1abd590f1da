package dev.agentconsole.transfer.boundary;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.transfer.TransferOffer;
import dev.agentconsole.thread.boundary.ThreadView;
import java.time.Instant;

/** A transfer offer as callers outside the transaction see it. */
public record TransferOfferView(String uid, String state, AgentRef from, AgentRef to, ThreadView thread,
        Instant createdAt, Instant expiresAt, Instant settledAt) {

    public record AgentRef(String uid, String nickname) {

        static AgentRef of(Agent agent) {
            return new AgentRef(agent.getUid(), agent.getNickname());
        }
    }

    public static TransferOfferView of(TransferOffer offer) {
        return new TransferOfferView(offer.getUid(), offer.getState().name(), AgentRef.of(offer.getFromAgent()),
                AgentRef.of(offer.getToAgent()), ThreadView.of(offer.getThread()), offer.getCreatedAt(),
                offer.getExpiresAt(), offer.getSettledAt());
    }
}
