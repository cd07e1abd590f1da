package dev.agentconsole.message.boundary;

import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.message.control.MessageTransactions;
import jakarta.ejb.EJB;
import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Posting messages and clearing unread counts; retried when a concurrent change wins first. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(AcknowledgeDurably.class)
public class MessageService {

    @EJB
    MessageTransactions transactions;

    public PostedMessage postFromVisitor(String visitorUid, String threadUid, String clientMessageId, String content) {
        return ConflictRetry.run(() -> transactions.postFromVisitor(visitorUid, threadUid, clientMessageId, content));
    }

    public PostedMessage postFromAgent(String agentUid, String threadUid, String clientMessageId, String content) {
        return ConflictRetry.run(() -> transactions.postFromAgent(agentUid, threadUid, clientMessageId, content));
    }

    public int clearUnread(String agentUid, String threadUid) {
        return ConflictRetry.run(() -> transactions.clearUnread(agentUid, threadUid));
    }
}
