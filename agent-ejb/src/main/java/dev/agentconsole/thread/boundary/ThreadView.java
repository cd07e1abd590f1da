package dev.agentconsole.thread.boundary;

import dev.agentconsole.model.thread.ChatThread;
import java.time.Instant;

/** A thread as callers outside the transaction see it; {@code closeReason} is set while it is closed. */
public record ThreadView(String uid, String topic, String type, String status, VisitorRef visitor, String agentUid,
        String workgroupUid, Instant createdAt, Instant updatedAt, String lastMessagePreview, Instant lastMessageAt,
        long version, String closeReason) {

    public record VisitorRef(String uid, String nickname, String avatar) {
    }

    public static ThreadView of(ChatThread thread) {
        return new ThreadView(thread.getUid(), thread.getTopic(), thread.getType().name(), thread.getStatus().name(),
                new VisitorRef(thread.getVisitor().getUid(), thread.getVisitor().getNickname(),
                        thread.getVisitor().getAvatar()),
                thread.getAgent() == null ? null : thread.getAgent().getUid(),
                thread.getWorkgroup() == null ? null : thread.getWorkgroup().getUid(),
                thread.getCreatedAt(), thread.getUpdatedAt(), thread.getLastMessagePreview(),
                thread.getLastMessageAt(), thread.getVersion(),
                thread.getCloseReason() == null ? null : thread.getCloseReason().wireName());
    }
}
