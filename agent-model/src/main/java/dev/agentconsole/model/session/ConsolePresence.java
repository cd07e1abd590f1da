package dev.agentconsole.model.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent has a console open on one cluster member. A member writes a row when the agent's first console there
 * opens and deletes it when the last one closes, so a member whose last console of the agent closed can tell whether
 * the agent is still connected elsewhere before marking it disconnected. Rows count only while their member is alive
 * ({@link ClusterMember}).
 */
@Entity
@Table(name = "console_presence")
@NamedQuery(name = ConsolePresence.OPEN_ELSEWHERE,
        query = "select count(p) from ConsolePresence p, ClusterMember m where p.memberId = m.memberId"
                + " and p.agentUid = :agent and p.memberId <> :member and m.seenAtMillis > :freshAfter")
@NamedQuery(name = ConsolePresence.OF_SILENT_MEMBERS,
        query = "select distinct p.agentUid from ConsolePresence p, ClusterMember m where p.memberId = m.memberId"
                + " and m.seenAtMillis < :before order by p.agentUid")
@NamedQuery(name = ConsolePresence.OF_MEMBER, query = "delete from ConsolePresence p where p.memberId = :member")
@NamedQuery(name = ConsolePresence.ORPHANED,
        query = "delete from ConsolePresence p where not exists"
                + " (select m.memberId from ClusterMember m where m.memberId = p.memberId)")
public class ConsolePresence {

    public static final String OPEN_ELSEWHERE = "ConsolePresence.openElsewhere";
    public static final String OF_SILENT_MEMBERS = "ConsolePresence.ofSilentMembers";
    public static final String OF_MEMBER = "ConsolePresence.ofMember";
    public static final String ORPHANED = "ConsolePresence.orphaned";

    /** {@code member/agentUid}: one key column keeps the mapping plain on every provider. */
    @Id
    @Column(length = 140)
    private String presenceKey;

    @Column(length = 64, nullable = false)
    private String agentUid;

    @Column(length = 64, nullable = false)
    private String memberId;

    @Column(nullable = false)
    private long sinceMillis;

    protected ConsolePresence() {
    }

    public ConsolePresence(String member, String agentUid, Instant since) {
        this.memberId = Objects.requireNonNull(member, "member");
        this.agentUid = Objects.requireNonNull(agentUid, "agentUid");
        this.presenceKey = keyOf(member, agentUid);
        this.sinceMillis = since.toEpochMilli();
    }

    public static String keyOf(String member, String agentUid) {
        return member + "/" + agentUid;
    }

    public String getAgentUid() {
        return agentUid;
    }

    public String getMemberId() {
        return memberId;
    }
}
