package dev.agentconsole.model.workgroup;

import dev.agentconsole.model.Identified;
import dev.agentconsole.model.organisation.Organisation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A team that visitor threads are routed through. */
@Entity
@Table(name = "workgroup")
@NamedQuery(name = Workgroup.BY_UID, query = "select w from Workgroup w where w.uid = :uid")
@NamedQuery(name = Workgroup.BY_NAME,
        query = "select w from Workgroup w where w.organisation = :organisation and w.name = :name")
@NamedQuery(name = Workgroup.OF_ORGANISATION,
        query = "select w from Workgroup w where w.organisation = :organisation order by w.name")
public class Workgroup extends Identified {

    public static final String BY_UID = "Workgroup.byUid";
    public static final String OF_ORGANISATION = "Workgroup.ofOrganisation";
    public static final String BY_NAME = "Workgroup.byName";

    @ManyToOne(optional = false)
    private Organisation organisation;

    @Column(nullable = false, length = 200)
    private String name;

    /** Most visitor threads that may wait in this queue; null follows the deployment's default. */
    private Integer queueCap;

    protected Workgroup() {
    }

    public Workgroup(Organisation organisation, String uid, String name) {
        super(uid);
        this.organisation = organisation;
        this.name = name;
    }

    /**
     * Refuses a new visitor thread when {@code queued} threads already wait here. The caller counts them under this
     * workgroup's row lock, so two starts cannot both take the last place.
     */
    public void admitVisitorThread(long queued, int defaultCap) {
        int cap = queueCap != null ? queueCap : defaultCap;
        if (queued >= cap) {
            throw new QueueFullException(getUid(), cap);
        }
    }

    /** Sets this workgroup's own queue cap; null goes back to the deployment's default. */
    public void capQueue(Integer cap) {
        if (cap != null && cap < 0) {
            throw new IllegalArgumentException("a queue cap cannot be negative: " + cap);
        }
        queueCap = cap;
    }

    /** Names are what administrators and login claims know a workgroup by; the caller keeps them unique. */
    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a workgroup needs a name");
        }
        name = newName.strip();
    }

    public Integer getQueueCap() {
        return queueCap;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getName() {
        return name;
    }
}
