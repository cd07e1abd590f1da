package dev.agentconsole.web.cluster;

import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.event.boundary.VisitorNotice;
import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * What crosses the cluster bus, as JSON text: a committed stream event, a visitor notice, or a signed-out session, each
 * with the sending member's id. The stored event data is already JSON and is spliced in, not re-encoded.
 */
final class ClusterMessages {

    /** What a member does with a message from another. */
    interface Receiver {
        void committed(StreamEventRecorded event);

        void visitorNotice(VisitorNotice notice);

        void signedOut(String sessionId, Instant validUntil);
    }

    /** Who sent a message, as far as the receiving member is concerned. */
    enum Origin {
        /** This member: the engine delivers (every member hears its own messages on a topic). */
        SELF,
        /** Another member: handed to the receiver. */
        OTHER,
        /** A kind this member cannot read (a newer member during a rolling upgrade): ignored. */
        UNKNOWN
    }

    private ClusterMessages() {
    }

    static String event(String member, StreamEventRecorded event) {
        StringBuilder text = start(member, "event", event.data().length() + 200)
                .append(",\"stream\":").append(Jsons.quote(event.stream()))
                .append(",\"seq\":").append(event.seq())
                .append(",\"type\":").append(Jsons.quote(event.type()))
                .append(",\"at\":").append(Jsons.quote(event.createdAt().toString()));
        if (event.skipAgentUid() != null) {
            text.append(",\"skip\":").append(Jsons.quote(event.skipAgentUid()));
        }
        return text.append(",\"data\":").append(event.data()).append('}').toString();
    }

    static String visitorNotice(String member, VisitorNotice notice) {
        return start(member, "visitor", notice.data().length() + 200)
                .append(",\"thread\":").append(Jsons.quote(notice.threadUid()))
                .append(",\"visitor\":").append(Jsons.quote(notice.visitorUid()))
                .append(",\"type\":").append(Jsons.quote(notice.type()))
                .append(",\"data\":").append(notice.data()).append('}').toString();
    }

    static String signedOut(String member, String sessionId, Instant validUntil) {
        return start(member, "signed-out", 200)
                .append(",\"session\":").append(Jsons.quote(sessionId))
                .append(",\"until\":").append(Jsons.quote(validUntil.toString())).append('}').toString();
    }

    private static StringBuilder start(String member, String kind, int size) {
        return new StringBuilder(size).append("{\"from\":").append(Jsons.quote(member))
                .append(",\"kind\":").append(Jsons.quote(kind));
    }

    /** Hands a message from another member to the receiver; this member's own and unknown kinds are not. */
    static Origin dispatch(String text, String self, Receiver receiver) {
        JsonObject message = Jsons.parseObject(text);
        if (self.equals(message.getString("from", null))) {
            return Origin.SELF;
        }
        switch (message.getString("kind", "")) {
            case "event" -> receiver.committed(new StreamEventRecorded(message.getString("stream"),
                    message.getJsonNumber("seq").longValueExact(), message.getString("type"),
                    message.getJsonObject("data").toString(), Instant.parse(message.getString("at")),
                    message.getString("skip", null)));
            case "visitor" -> receiver.visitorNotice(new VisitorNotice(message.getString("thread"),
                    message.getString("visitor"), message.getString("type"),
                    message.getJsonObject("data").toString()));
            case "signed-out" -> receiver.signedOut(message.getString("session"),
                    Instant.parse(message.getString("until")));
            default -> {
                return Origin.UNKNOWN;
            }
        }
        return Origin.OTHER;
    }
}
