package dev.agentconsole.demo;

import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bulk creation of many agents for load tests. Each call is one transaction, so a thousand agents cost a few
 * transactions instead of a thousand; what already exists is skipped, so seeding on every start stays cheap.
 */
@Stateless
public class ScaleSeeding {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    public Set<String> existingUsernames(String organisationUid, String prefix) {
        return new HashSet<>(em.createQuery("select a.username from Agent a where a.organisation.uid = :organisation"
                        + " and a.username like :prefix", String.class)
                .setParameter("organisation", organisationUid)
                .setParameter("prefix", prefix + "%")
                .getResultList());
    }

    public void createMissingWorkgroups(String organisationUid, List<String> uids) {
        Organisation organisation = records.organisation(organisationUid);
        Set<String> existing = new HashSet<>(em.createQuery("select w.uid from Workgroup w where w.organisation = :o",
                String.class).setParameter("o", organisation).getResultList());
        for (String uid : uids) {
            if (!existing.contains(uid)) {
                em.persist(new Workgroup(organisation, uid, uid));
            }
        }
    }

    public static String username(int number) {
        return String.format("bench-agent-%04d@example.com", number);
    }

    public static String workgroupUid(int number) {
        return String.format("wg-bench-%02d", number);
    }

    /** Agent number n (from 1) joins workgroup {@code workgroupUids[(n - 1) % size]}, the same on every start. */
    public void createAgents(String organisationUid, List<Integer> numbers, int maxThreads,
            List<String> workgroupUids) {
        Organisation organisation = records.organisation(organisationUid);
        List<Workgroup> workgroups = workgroupUids.stream().map(uid -> records.workgroupOf(organisation, uid)).toList();
        for (int number : numbers) {
            String username = username(number);
            Agent agent = new Agent(organisation, username, username.substring(0, username.indexOf('@')), maxThreads);
            agent.joinWorkgroup(workgroups.get((number - 1) % workgroups.size()));
            em.persist(agent);
        }
    }
}
