package dev.agentconsole.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One administrator's change, kept for as long as the organisation exists. Not an event stream row: those are pruned
 * after a few thousand per stream and exist to be pushed to consoles; an audit trail must outlive both.
 */
@Entity
@Table(name = "admin_audit")
@NamedQuery(name = AdminAuditEntry.OF_ORGANISATION,
        query = "select e from AdminAuditEntry e where e.organisation = :organisation"
                + " order by e.occurredAt desc, e.id desc")
public class AdminAuditEntry {

    public static final String OF_ORGANISATION = "AdminAuditEntry.ofOrganisation";
    public static final int MAX_DETAIL_LENGTH = 8000;

    @Id
    @SequenceGenerator(name = "admin_audit_ids", sequenceName = "admin_audit_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_audit_ids")
    private Long id;

    @ManyToOne(optional = false)
    private Organisation organisation;

    /** The administrator's agent uid (kept as text: the record outlives a renamed or disabled administrator). */
    @Column(nullable = false, length = 64)
    private String actorUid;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(nullable = false, length = 64)
    private String targetUid;

    /** The target's state after the change, as JSON (an agent in 100 workgroups needs about 7,000 characters). */
    @Column(nullable = false, length = MAX_DETAIL_LENGTH)
    private String detail;

    @Column(nullable = false)
    private Instant occurredAt;

    protected AdminAuditEntry() {
    }

    public AdminAuditEntry(Organisation organisation, String actorUid, String action, String targetUid, String detail,
            Instant at) {
        this.organisation = organisation;
        this.actorUid = actorUid;
        this.action = action;
        this.targetUid = targetUid;
        if (detail.length() > MAX_DETAIL_LENGTH) {
            throw new IllegalArgumentException("audit detail longer than " + MAX_DETAIL_LENGTH + " characters");
        }
        this.detail = detail;
        this.occurredAt = at;
    }

    public String getActorUid() {
        return actorUid;
    }

    public String getAction() {
        return action;
    }

    public String getTargetUid() {
        return targetUid;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
