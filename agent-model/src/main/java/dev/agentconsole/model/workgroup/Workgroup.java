package dev.agentconsole.model.workgroup;

import dev.agentconsole.model.Identified;
import dev.agentconsole.model.organisation.Organisation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;

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

    /** How long a thread here may go without a message before it closes itself; null follows the deployment's default. */
    private Integer idleCloseSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RoutingMode routingMode = RoutingMode.LEAST_ACTIVE;

    /** Round robin only: the uid of the agent this workgroup chose last; the next choice starts after it. */
    @Column(length = MAX_UID_LENGTH)
    private String roundRobinCursor;

    /**
     * Written only when this row changes (round robin moves its cursor on every assignment): two routers that read
     * the same cursor collide here, on any cluster member, and the loser picks again after the winner's choice.
     */
    @Version
    private long version;

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

    /** Sets this workgroup's own idle time (at least a second); null goes back to the deployment's default. */
    public void closeThreadsIdleFor(Duration idle) {
        if (idle != null && (idle.getSeconds() < 1 || idle.getSeconds() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("an idle time must be from one second up: " + idle);
        }
        idleCloseSeconds = idle == null ? null : (int) idle.getSeconds();
    }

    /** The idle time of threads in this workgroup: its own, else {@code deploymentDefault}. */
    public Duration idleCloseAfter(Duration deploymentDefault) {
        return idleCloseSeconds != null ? Duration.ofSeconds(idleCloseSeconds) : deploymentDefault;
    }

    /** This workgroup's own idle time, or null when it follows the deployment's default. */
    public Duration getIdleCloseAfter() {
        return idleCloseSeconds == null ? null : Duration.ofSeconds(idleCloseSeconds);
    }

    public void routeBy(RoutingMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("a routing mode is required");
        }
        if (mode != routingMode) {
            routingMode = mode;
            roundRobinCursor = null;
        }
    }

    /** This workgroup handed a thread to {@code agentUid}; round robin continues after that agent next time. */
    public void assigned(String agentUid) {
        if (routingMode == RoutingMode.ROUND_ROBIN) {
            roundRobinCursor = agentUid;
        }
    }

    public RoutingMode getRoutingMode() {
        return routingMode;
    }

    public String getRoundRobinCursor() {
        return roundRobinCursor;
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
