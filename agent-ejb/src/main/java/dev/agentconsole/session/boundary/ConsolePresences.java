package dev.agentconsole.session.boundary;

import dev.agentconsole.model.session.ClusterMember;
import dev.agentconsole.model.session.ConsolePresence;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Where agents have consoles open across the cluster members sharing this database, each call one transaction. A
 * member only ever writes its own rows, so members never contend with each other here.
 */
@Stateless
public class ConsolePresences {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    /** Records whether {@code member} has a console of the agent open now (idempotent either way). */
    public void record(String member, String agentUid, boolean open, Instant now) {
        ConsolePresence known = em.find(ConsolePresence.class, ConsolePresence.keyOf(member, agentUid));
        if (open && known == null) {
            em.persist(new ConsolePresence(member, agentUid, now));
        } else if (!open && known != null) {
            em.remove(known);
        }
    }

    /**
     * The member is alive; its presence rows count until it stops saying so. Answers false when the member was not
     * known (new, or taken for dead by another member after a long pause, which removed its rows).
     */
    public boolean heartbeat(String member, Instant now) {
        ClusterMember known = em.find(ClusterMember.class, member);
        if (known == null) {
            em.persist(new ClusterMember(member, now));
            return false;
        }
        known.seenAt(now);
        return true;
    }

    /** Agents with a console on a member silent since {@code before} (killed or crashed), at most {@code limit}. */
    public List<String> agentsOfSilentMembers(Instant before, int limit) {
        return em.createNamedQuery(ConsolePresence.OF_SILENT_MEMBERS, String.class)
                .setParameter("before", before.toEpochMilli())
                .setMaxResults(limit)
                .getResultList();
    }

    /** Whether a member other than {@code member}, heard from after {@code freshAfter}, has a console of the agent. */
    public boolean openElsewhere(String agentUid, String member, Instant freshAfter) {
        return em.createNamedQuery(ConsolePresence.OPEN_ELSEWHERE, Long.class)
                .setParameter("agent", agentUid)
                .setParameter("member", member)
                .setParameter("freshAfter", freshAfter.toEpochMilli())
                .getSingleResult() > 0;
    }

    /** Forgets members silent since {@code before} (stopped without leaving) and their rows. */
    public void forgetSilentMembers(Instant before) {
        int members = em.createNamedQuery(ClusterMember.SILENT_SINCE).setParameter("before", before.toEpochMilli())
                .executeUpdate();
        if (members > 0) {
            em.createNamedQuery(ConsolePresence.ORPHANED).executeUpdate();
        }
    }

    /** The member stops: its rows go with it. */
    public void leave(String member) {
        em.createNamedQuery(ConsolePresence.OF_MEMBER).setParameter("member", member).executeUpdate();
        ClusterMember known = em.find(ClusterMember.class, member);
        if (known != null) {
            em.remove(known);
        }
    }
}
