package dev.agentconsole.model.visitor;

import dev.agentconsole.model.Identified;
import dev.agentconsole.model.organisation.Organisation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The customer record an agent sees beside a conversation, and may annotate. */
@Entity
@Table(name = "visitor")
@NamedQuery(name = Visitor.BY_UID, query = "select v from Visitor v where v.uid = :uid")
public class Visitor extends Identified {

    public static final String BY_UID = "Visitor.byUid";

    @ManyToOne(optional = false)
    private Organisation organisation;

    @Column(nullable = false, length = 100)
    private String nickname;

    @Column(length = 500)
    private String avatar;

    @Column(nullable = false)
    private Instant firstSeenAt;

    @Column(nullable = false)
    private Instant lastSeenAt;

    @Column(length = 4000)
    private String notes;

    static final java.time.Duration SEEN_GRANULARITY = java.time.Duration.ofMinutes(1);

    @Version
    private long version;

    protected Visitor() {
    }

    public Visitor(Organisation organisation, String nickname, Instant seenAt) {
        super(null);
        this.organisation = organisation;
        this.nickname = nickname;
        this.firstSeenAt = seenAt;
        this.lastSeenAt = seenAt;
    }

    /**
     * Last-seen is kept to the minute: writing the visitor row on every message made each message of a busy thread
     * contend for it (and bump its version) for a figure nobody reads to the millisecond.
     */
    public void seen(Instant at) {
        if (at.isAfter(lastSeenAt.plus(SEEN_GRANULARITY))) {
            lastSeenAt = at;
        }
    }

    /** An agent's edit of the customer record; null leaves a field as it was. */
    public void editRecord(String nickname, String notes) {
        if (nickname != null && !nickname.isBlank()) {
            this.nickname = nickname.strip();
        }
        if (notes != null) {
            this.notes = notes;
        }
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getNickname() {
        return nickname;
    }

    public String getAvatar() {
        return avatar;
    }

    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public String getNotes() {
        return notes;
    }

    public long getVersion() {
        return version;
    }
}
