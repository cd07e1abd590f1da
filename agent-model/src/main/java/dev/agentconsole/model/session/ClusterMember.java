package dev.agentconsole.model.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A running member of the deployment that has consoles open, with the last time it said so. A member that stopped
 * without cleaning up (killed, crashed) stops renewing its row, and its presence rows stop counting.
 */
@Entity
@Table(name = "cluster_member")
@NamedQuery(name = ClusterMember.SILENT_SINCE, query = "delete from ClusterMember m where m.seenAtMillis < :before")
public class ClusterMember {

    public static final String SILENT_SINCE = "ClusterMember.silentSince";

    @Id
    @Column(length = 64)
    private String memberId;

    @Column(nullable = false)
    private long seenAtMillis;

    protected ClusterMember() {
    }

    public ClusterMember(String member, Instant seenAt) {
        this.memberId = Objects.requireNonNull(member, "member");
        this.seenAtMillis = seenAt.toEpochMilli();
    }

    public void seenAt(Instant at) {
        seenAtMillis = at.toEpochMilli();
    }

    public String getMemberId() {
        return memberId;
    }
}
