package dev.agentconsole.model.quickreply;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.message.Message;
import dev.agentconsole.model.organisation.Organisation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A canned response an agent inserts into a reply by typing {@code /shortcut}: either the whole organisation's
 * (no owner) or one agent's own. A shortcut is unique within its scope, compared without case (it is stored in lower
 * case), so the same word may be an organisation reply and, separately, an agent's personal one.
 */
@Entity
@Table(name = "quick_reply", uniqueConstraints = @UniqueConstraint(name = QuickReply.SHORTCUT_CONSTRAINT,
        columnNames = {"organisation_id", "ownerScope", "shortcut"}))
@NamedQuery(name = QuickReply.BY_UID, query = "select q from QuickReply q where q.uid = :uid")
@NamedQuery(name = QuickReply.VISIBLE_TO, query = "select q from QuickReply q where q.organisation = :organisation"
        + " and q.ownerScope in (0, :agentId) order by q.shortcut, q.ownerScope")
@NamedQuery(name = QuickReply.COUNT_IN_SCOPE, query = "select count(q) from QuickReply q"
        + " where q.organisation = :organisation and q.ownerScope = :scope")
@NamedQuery(name = QuickReply.SHORTCUT_IN_SCOPE, query = "select count(q) from QuickReply q"
        + " where q.organisation = :organisation and q.ownerScope = :scope and q.shortcut = :shortcut"
        + " and q.uid <> :except")
public class QuickReply extends Identified {

    public static final String BY_UID = "QuickReply.byUid";
    public static final String VISIBLE_TO = "QuickReply.visibleTo";
    public static final String COUNT_IN_SCOPE = "QuickReply.countInScope";
    public static final String SHORTCUT_IN_SCOPE = "QuickReply.shortcutInScope";
    public static final String SHORTCUT_CONSTRAINT = "quick_reply_shortcut";

    public static final int MAX_SHORTCUT_LENGTH = 32;
    /** Inserted into a message, so never longer than one. */
    public static final int MAX_CONTENT_LENGTH = Message.MAX_CONTENT_LENGTH;
    /** Letters (any script), digits, '_', '-' and '.': no spaces, so "/shortcut" is one word in the composer. */
    public static final String SHORTCUT_PATTERN = "[\\p{L}\\p{N}_.-]+";
    private static final Pattern SHORTCUT = Pattern.compile(SHORTCUT_PATTERN);

    /** {@link #ownerScope} of organisation-wide replies (no record id is 0: the id sequence hands out 1 and up). */
    static final long ORGANISATION_SCOPE = 0;

    @ManyToOne(optional = false)
    private Organisation organisation;

    /** The agent whose personal reply this is; null for the organisation's. */
    @ManyToOne
    private Agent owner;

    /**
     * The owner's id, or 0 for the organisation: the unique constraint needs a column that is never null (NULLs never
     * collide in a unique constraint, on H2 or PostgreSQL), and the list reads both scopes through its index.
     */
    @Column(nullable = false, updatable = false)
    private long ownerScope;

    @Column(nullable = false, length = MAX_SHORTCUT_LENGTH)
    private String shortcut;

    @Column(nullable = false, length = MAX_CONTENT_LENGTH)
    private String content;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected QuickReply() {
    }

    /** An organisation-wide reply. */
    public static QuickReply forOrganisation(Organisation organisation, String shortcut, String content, Instant at) {
        return new QuickReply(organisation, null, shortcut, content, at);
    }

    /** One agent's own reply. */
    public static QuickReply personal(Agent owner, String shortcut, String content, Instant at) {
        if (owner.getId() == null) {
            throw new IllegalStateException("the owner must be stored first");
        }
        return new QuickReply(owner.getOrganisation(), owner, shortcut, content, at);
    }

    private QuickReply(Organisation organisation, Agent owner, String shortcut, String content, Instant at) {
        super(null);
        this.organisation = organisation;
        this.owner = owner;
        this.ownerScope = owner == null ? ORGANISATION_SCOPE : owner.getId();
        this.shortcut = normalisedShortcut(shortcut);
        this.content = checkedContent(content);
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void edit(String shortcut, String content, Instant at) {
        this.shortcut = normalisedShortcut(shortcut);
        this.content = checkedContent(content);
        this.updatedAt = at;
    }

    /** The shortcut as stored and compared: trimmed, lower case (locale-independent). */
    public static String normalisedShortcut(String shortcut) {
        String trimmed = shortcut == null ? "" : shortcut.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_SHORTCUT_LENGTH || !SHORTCUT.matcher(trimmed).matches()) {
            throw new DomainRuleException("invalid_shortcut", "a shortcut is 1 to " + MAX_SHORTCUT_LENGTH
                    + " letters, digits, '_', '-' or '.'");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String checkedContent(String content) {
        String trimmed = content == null ? "" : content.strip();
        if (trimmed.isEmpty()) {
            throw new DomainRuleException("invalid_content", "a quick reply needs text");
        }
        if (trimmed.length() > MAX_CONTENT_LENGTH) {
            throw new DomainRuleException("invalid_content",
                    "a quick reply is at most " + MAX_CONTENT_LENGTH + " characters");
        }
        return trimmed;
    }

    public boolean isOrganisationWide() {
        return owner == null;
    }

    public boolean isOwnedBy(Agent agent) {
        return owner != null && owner.equals(agent);
    }

    /** The scope key the uniqueness and the count limits are kept in. */
    public long getOwnerScope() {
        return ownerScope;
    }

    /** The scope key of an agent's personal replies, or of the organisation's when {@code owner} is null. */
    public static long scopeOf(Agent owner) {
        return owner == null ? ORGANISATION_SCOPE : owner.getId();
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Agent getOwner() {
        return owner;
    }

    public String getShortcut() {
        return shortcut;
    }

    public String getContent() {
        return content;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
