package dev.agentconsole.message.boundary;

import dev.agentconsole.model.message.Message;
import java.time.Instant;

public record MessageView(String uid, String threadUid, String senderKind, String senderUid, String content,
        String clientMessageId, Instant createdAt) {

    public static MessageView of(Message message) {
        return new MessageView(message.getUid(), message.getThread().getUid(), message.getSenderKind().name(),
                message.getSenderUid(), message.getContent(), message.getClientMessageId(), message.getCreatedAt());
    }
}
