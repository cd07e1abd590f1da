package dev.agentconsole.model.message;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.thread.ChatThread;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One chat message, stored as plain text. The client's message id is unique per thread and sender, which makes posting
 * idempotent: a retried send finds the message it already stored. Per sender, because ids are chosen by clients: an id
 * another sender happens to (or deliberately does) reuse must neither return that sender's message nor be refused.
 */
@Entity
@Table(name = "message",
        uniqueConstraints = @UniqueConstraint(name = Message.CLIENT_ID_CONSTRAINT,
                columnNames = {"thread_id", "senderKind", "senderUid", "clientMessageId"}),
        indexes = @Index(name = "message_thread_time", columnList = "thread_id, createdAt"))
@NamedQuery(name = Message.BY_CLIENT_ID,
        query = "select m from Message m where m.thread = :thread and m.senderKind = :senderKind"
                + " and m.senderUid = :senderUid and m.clientMessageId = :clientMessageId")
@NamedQuery(name = Message.OF_THREAD_BEFORE,
        query = "select m from Message m where m.thread = :thread and m.id < :beforeId order by m.id desc")
@NamedQuery(name = Message.OF_THREAD_LATEST,
        query = "select m from Message m where m.thread = :thread order by m.id desc")
@NamedQuery(name = Message.OF_THREAD_AFTER,
        query = "select m from Message m where m.thread = :thread and m.id > :afterId order by m.id")
@NamedQuery(name = Message.BY_UID, query = "select m from Message m where m.uid = :uid")
public class Message extends Identified {

    public static final String BY_CLIENT_ID = "Message.byClientId";
    public static final String OF_THREAD_BEFORE = "Message.ofThreadBefore";
    public static final String OF_THREAD_LATEST = "Message.ofThreadLatest";
    public static final String OF_THREAD_AFTER = "Message.ofThreadAfter";
    public static final String BY_UID = "Message.byUid";

    /** Replaces {@code message_client_id} on (thread, clientMessageId); the schema update drops that one. */
    public static final String CLIENT_ID_CONSTRAINT = "message_sender_client_id";

    public static final int MAX_CONTENT_LENGTH = 4000;
    public static final int MAX_CLIENT_ID_LENGTH = 100;

    @ManyToOne(optional = false)
    private ChatThread thread;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SenderKind senderKind;

    /** Uid of the visitor or agent who wrote it; null for system messages. */
    @Column(length = 64)
    private String senderUid;

    @Column(nullable = false, length = MAX_CONTENT_LENGTH)
    private String content;

    @Column(nullable = false, length = MAX_CLIENT_ID_LENGTH)
    private String clientMessageId;

    @Column(nullable = false)
    private Instant createdAt;

    protected Message() {
    }

    public Message(ChatThread thread, SenderKind senderKind, String senderUid, String content, String clientMessageId,
            Instant createdAt) {
        super(null);
        if (content == null || content.isBlank()) {
            throw new DomainRuleException("empty_message", "message content is empty");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new DomainRuleException("message_too_long",
                    "message content exceeds " + MAX_CONTENT_LENGTH + " characters");
        }
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > MAX_CLIENT_ID_LENGTH) {
            throw new DomainRuleException("invalid_client_message_id",
                    "clientMessageId is required and at most " + MAX_CLIENT_ID_LENGTH + " characters");
        }
        this.thread = thread;
        this.senderKind = senderKind;
        this.senderUid = senderUid;
        this.content = content;
        this.clientMessageId = clientMessageId;
        this.createdAt = createdAt;
    }

    public ChatThread getThread() {
        return thread;
    }

    public SenderKind getSenderKind() {
        return senderKind;
    }

    public String getSenderUid() {
        return senderUid;
    }

    public String getContent() {
        return content;
    }

    public String getClientMessageId() {
        return clientMessageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
