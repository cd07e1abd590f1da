package dev.agentconsole.transfer.control;

import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.transfer.TransferOffer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * The data of a {@code transfer_offer} event (ext): the offer with its state, both agents and a summary of the thread
 * (the shape of the contract's thread summaries), so a console can show it without asking.
 */
public final class OfferPayloads {

    private OfferPayloads() {
    }

    public static JsonObject offer(TransferOffer offer) {
        ChatThread thread = offer.getThread();
        JsonObjectBuilder summary = EventPayloads.threadSummary(thread);
        Jsons.addNullable(summary, "agentUid", thread.getAgent() == null ? null : thread.getAgent().getUid());
        Jsons.addNullable(summary, "content", thread.getLastMessagePreview());
        JsonObjectBuilder data = Jsons.object()
                .add("uid", offer.getUid())
                .add("state", offer.getState().name())
                .add("threadUid", thread.getUid())
                .add("from", agent(offer.getFromAgent()))
                .add("to", agent(offer.getToAgent()))
                .add("thread", summary)
                .add("createdAt", millis(offer.getCreatedAt()))
                .add("expiresAt", millis(offer.getExpiresAt()));
        if (offer.getSettledAt() == null) {
            data.addNull("settledAt");
        } else {
            data.add("settledAt", millis(offer.getSettledAt()));
        }
        return Jsons.object().add("offer", data).build();
    }

    private static JsonObject agent(Agent agent) {
        return Jsons.object().add("uid", agent.getUid()).add("nickname", agent.getNickname()).build();
    }


    private static long millis(Instant at) {
        return at.toEpochMilli();
    }
}
