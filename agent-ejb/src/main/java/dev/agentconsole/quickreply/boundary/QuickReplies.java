package dev.agentconsole.quickreply.boundary;

import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.model.quickreply.QuickReplyScope;
import dev.agentconsole.quickreply.control.QuickReplyChanges;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;

/**
 * The canned responses agents insert with "/" in the composer: the organisation's and each agent's own. A change that
 * lost a race is run again on fresh data (a racing edit then finds a newer version, a racing create the shortcut taken).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QuickReplies {

    @EJB
    QuickReplyChanges changes;

    /** The organisation's replies and the agent's own, by shortcut. */
    public QuickReplyList visibleTo(String agentUid) {
        return changes.visibleTo(agentUid);
    }

    public QuickReplyView read(String agentUid, String uid) {
        return changes.read(agentUid, uid);
    }

    @Interceptors(AcknowledgeDurably.class)
    public QuickReplyView create(String agentUid, QuickReplyScope scope, String shortcut, String content) {
        return ConflictRetry.run(() -> changes.create(agentUid, scope, shortcut, content));
    }

    @Interceptors(AcknowledgeDurably.class)
    public QuickReplyView edit(String agentUid, String uid, long expectedVersion, String shortcut, String content) {
        return ConflictRetry.run(() -> changes.edit(agentUid, uid, expectedVersion, shortcut, content));
    }

    @Interceptors(AcknowledgeDurably.class)
    public void delete(String agentUid, String uid) {
        ConflictRetry.run(() -> {
            changes.delete(agentUid, uid);
            return null;
        });
    }
}
