package dev.agentconsole.organisation.boundary;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.workgroup.RoutingMode;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Sets up tenants, workgroups and agents (demo data, provisioning, administration). */
@Stateless
@Interceptors(ConflictDetector.class)
public class OrganisationAdmin {

    /** Capacity of an agent created at first login. */
    public static final int DEFAULT_MAX_THREADS = 5;
    private static final Logger LOG = Logger.getLogger(OrganisationAdmin.class.getName());

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    public boolean organisationExists(String uid) {
        return !em.createNamedQuery(Organisation.BY_UID, Organisation.class)
                .setParameter("uid", uid).getResultList().isEmpty();
    }

    public String createOrganisation(String uid, String name) {
        if (organisationExists(uid)) {
            throw new DomainRuleException("organisation_exists", "organisation already exists: " + uid);
        }
        Organisation organisation = new Organisation(uid, name);
        em.persist(organisation);
        return organisation.getUid();
    }

    public String createWorkgroup(String organisationUid, String uid, String name) {
        Workgroup workgroup = new Workgroup(records.organisation(organisationUid), uid, name);
        em.persist(workgroup);
        return workgroup.getUid();
    }

    /** A workgroup's own queue cap (visitor threads that may wait); null follows {@code agent.visitor.queue-cap}. */
    public void capWorkgroupQueue(String workgroupUid, Integer cap) {
        records.workgroup(workgroupUid).capQueue(cap);
    }

    /**
     * A workgroup's own idle time: its threads close themselves after this long without a message or action (at
     * least a second); null follows {@code agent.thread.idle-close}. Threads take it at their next message or action.
     */
    public void setWorkgroupIdleClose(String workgroupUid, Duration idle) {
        records.workgroup(workgroupUid).closeThreadsIdleFor(idle);
    }

    /**
     * How the workgroup chooses agents from now on (its next routing decision already follows it). Another
     * organisation's workgroup is not found. Racing a round robin assignment in that workgroup ends in
     * {@link dev.agentconsole.infrastructure.persistence.ConcurrentChangeException}; the caller may repeat it.
     */
    public RoutingMode routeWorkgroupBy(String organisationUid, String workgroupUid, RoutingMode mode) {
        Workgroup workgroup = records.workgroupOf(records.organisation(organisationUid), workgroupUid);
        workgroup.routeBy(mode);
        return workgroup.getRoutingMode();
    }

    public AgentView createAgent(String organisationUid, String username, String nickname, int maxThreads,
            List<String> workgroupUids) {
        Organisation organisation = records.organisation(organisationUid);
        if (findAgent(organisation, username).isPresent()) {
            throw new DomainRuleException("agent_exists", "agent already exists: " + username);
        }
        Agent agent = new Agent(organisation, username, nickname, maxThreads);
        for (String workgroupUid : workgroupUids) {
            agent.joinWorkgroup(records.workgroupOf(organisation, workgroupUid));
        }
        em.persist(agent);
        return AgentView.of(agent);
    }

    /**
     * The agent a login token names, with the roles the token grants now (replacing earlier ones). With
     * {@code provision}, an unknown agent (and organisation) is created; a racing second login of the same new agent
     * collides on the unique username and is retried by the caller.
     */
    public Optional<AgentView> resolveAgent(String organisationUid, String username, boolean provision,
            Set<AgentRole> roles) {
        return resolveAgent(organisationUid, username, provision, roles, null);
    }

    /**
     * As above; a non-null {@code workgroups} (uids or names of the organisation's workgroups, from the token's
     * workgroups claim) replaces the agent's membership. Names of no workgroup are skipped, in one log line. A disabled
     * agent is refused ({@link AgentDisabledException}) and nothing about it changes.
     */
    public Optional<AgentView> resolveAgent(String organisationUid, String username, boolean provision,
            Set<AgentRole> roles, Collection<String> workgroups) {
        Optional<Organisation> organisation = em.createNamedQuery(Organisation.BY_UID, Organisation.class)
                .setParameter("uid", organisationUid).getResultStream().findFirst();
        if (organisation.isEmpty() && !provision) {
            return Optional.empty();
        }
        Organisation tenant = organisation.orElseGet(() -> {
            Organisation created = new Organisation(organisationUid, organisationUid);
            em.persist(created);
            return created;
        });
        Optional<Agent> known = findAgent(tenant, username);
        if (known.isPresent() && known.get().isDisabled()) {
            throw new AgentDisabledException();
        }
        known.ifPresent(agent -> provision(agent, roles, workgroups));
        if (known.isPresent() || !provision) {
            return known.map(AgentView::of);
        }
        String nickname = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        Agent created = new Agent(tenant, username, nickname.isBlank() ? username : nickname, DEFAULT_MAX_THREADS);
        provision(created, roles, workgroups);
        em.persist(created);
        return Optional.of(AgentView.of(created));
    }

    private void provision(Agent agent, Set<AgentRole> roles, Collection<String> workgroups) {
        agent.replaceRoles(roles);
        if (workgroups == null) {
            return;
        }
        Set<Workgroup> wanted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : new LinkedHashSet<>(workgroups)) {
            Optional<Workgroup> found = workgroupNamed(agent.getOrganisation(), name);
            found.ifPresentOrElse(wanted::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            LOG.info(() -> "login of agent " + agent.getUid() + ": workgroups claim names no workgroup of "
                    + agent.getOrganisation().getUid() + ", ignored: " + String.join(", ", unknown));
        }
        agent.replaceWorkgroups(wanted);
    }

    /** By uid within the organisation first (another tenant's uid is no match), then by name. */
    private Optional<Workgroup> workgroupNamed(Organisation organisation, String uidOrName) {
        Optional<Workgroup> byUid = em.createNamedQuery(Workgroup.BY_UID, Workgroup.class)
                .setParameter("uid", uidOrName).getResultStream()
                .filter(w -> w.getOrganisation().equals(organisation)).findFirst();
        if (byUid.isPresent()) {
            return byUid;
        }
        return em.createNamedQuery(Workgroup.BY_NAME, Workgroup.class)
                .setParameter("organisation", organisation).setParameter("name", uidOrName)
                .getResultStream().findFirst();
    }

    public Optional<AgentView> agentByUsername(String organisationUid, String username) {
        return findAgent(records.organisation(organisationUid), username).map(AgentView::of);
    }

    private Optional<Agent> findAgent(Organisation organisation, String username) {
        return em.createNamedQuery(Agent.BY_USERNAME, Agent.class)
                .setParameter("organisation", organisation)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }
}
