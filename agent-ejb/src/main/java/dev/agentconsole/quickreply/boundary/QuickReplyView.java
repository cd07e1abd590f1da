package dev.agentconsole.quickreply.boundary;

import dev.agentconsole.model.quickreply.QuickReply;
import dev.agentconsole.model.quickreply.QuickReplyScope;
import java.time.Instant;

/** A quick reply as one agent sees it: {@code editable} says whether that agent may change it. */
public record QuickReplyView(String uid, QuickReplyScope scope, String shortcut, String content, long version,
        Instant updatedAt, boolean editable) {

    public static QuickReplyView of(QuickReply reply, boolean editable) {
        return new QuickReplyView(reply.getUid(),
                reply.isOrganisationWide() ? QuickReplyScope.ORGANISATION : QuickReplyScope.PERSONAL,
                reply.getShortcut(), reply.getContent(), reply.getVersion(), reply.getUpdatedAt(), editable);
    }
}
