package dev.agentconsole.visitor.boundary;

import dev.agentconsole.model.visitor.Visitor;
import java.time.Instant;

public record VisitorView(String uid, String nickname, String avatar, String notes, Instant firstSeenAt,
        Instant lastSeenAt) {

    public static VisitorView of(Visitor visitor) {
        return new VisitorView(visitor.getUid(), visitor.getNickname(), visitor.getAvatar(), visitor.getNotes(),
                visitor.getFirstSeenAt(), visitor.getLastSeenAt());
    }
}
