package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.transfer.boundary.TransferOfferView;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** The {@code Offer} shape of docs/api.md (Transfer offers). */
final class TransferOfferShapes {

    private TransferOfferShapes() {
    }

    static JsonObject offer(TransferOfferView offer) {
        JsonObjectBuilder json = Jsons.object()
                .add("uid", offer.uid())
                .add("state", offer.state())
                .add("threadUid", offer.thread().uid())
                .add("from", agent(offer.from()))
                .add("to", agent(offer.to()))
                .add("thread", thread(offer.thread()))
                .add("createdAt", millis(offer.createdAt()))
                .add("expiresAt", millis(offer.expiresAt()));
        if (offer.settledAt() == null) {
            json.addNull("settledAt");
        } else {
            json.add("settledAt", millis(offer.settledAt()));
        }
        return json.build();
    }

    private static JsonObject agent(TransferOfferView.AgentRef agent) {
        return Jsons.object().add("uid", agent.uid()).add("nickname", agent.nickname()).build();
    }

    /** The thread as both agents may see it while it is offered (no unread count: that is the holder's). */
    private static JsonObject thread(ThreadView thread) {
        JsonObjectBuilder user = Jsons.object()
                .add("uid", thread.visitor().uid())
                .add("nickname", thread.visitor().nickname());
        Jsons.addNullable(user, "avatar", thread.visitor().avatar());
        JsonObjectBuilder json = Jsons.object()
                .add("uid", thread.uid())
                .add("topic", thread.topic())
                .add("type", thread.type())
                .add("status", thread.status())
                .add("user", user);
        Jsons.addNullable(json, "agentUid", thread.agentUid());
        Jsons.addNullable(json, "workgroupUid", thread.workgroupUid());
        Jsons.addNullable(json, "content", thread.lastMessagePreview());
        return json.build();
    }


    private static long millis(Instant at) {
        return at.toEpochMilli();
    }
}
