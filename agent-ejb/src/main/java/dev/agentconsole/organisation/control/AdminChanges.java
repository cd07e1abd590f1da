package dev.agentconsole.organisation.control;

import dev.agentconsole.event.control.EventBatch;
import dev.agentconsole.event.control.EventLog;
import dev.agentconsole.event.control.EventPayloads;
import dev.agentconsole.event.control.EventType;
import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.model.workgroup.RoutingMode;
import dev.agentconsole.model.workgroup.Workgroup;
import dev.agentconsole.organisation.boundary.AdminRoleRequiredException;
import dev.agentconsole.organisation.boundary.AdminViews.AgentChange;
import dev.agentconsole.organisation.boundary.AdminViews.AgentInfo;
import dev.agentconsole.organisation.boundary.AdminViews.AuditEntry;
import dev.agentconsole.organisation.boundary.AdminViews.NewAgent;
import dev.agentconsole.organisation.boundary.AdminViews.WorkgroupChange;
import dev.agentconsole.organisation.boundary.AdminViews.WorkgroupInfo;
import dev.agentconsole.routing.control.ThreadRouter;
import dev.agentconsole.thread.control.ThreadHolders;
import dev.agentconsole.thread.control.UnreadCounts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One transaction per administrator's change, with its audit entry and the events it causes. Every method first
 * checks that the caller is an enabled administrator, then finds the target inside the caller's organisation only
 * (another organisation's workgroups and agents are "not found").
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(ConflictDetector.class)
public class AdminChanges {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    @Inject
    AuditTrail audit;

    @Inject
    ThreadRouter router;

    @Inject
    UnreadCounts unread;

    @Inject
    ThreadHolders holders;

    @Inject
    EventLog eventLog;

    /** Whether the agent may use the administration (an enabled agent with the admin role). */
    public boolean isAdministrator(String agentUid) {
        Agent agent = records.agent(agentUid);
        return !agent.isDisabled() && agent.hasRole(AgentRole.ADMIN);
    }

    public List<WorkgroupInfo> workgroups(String adminUid) {
        Agent admin = administrator(adminUid);
        return em.createNamedQuery(Workgroup.OF_ORGANISATION, Workgroup.class)
                .setParameter("organisation", admin.getOrganisation())
                .getResultStream().map(WorkgroupInfo::of).toList();
    }

    /** A null routing mode is the default (least active); a null idle time follows the deployment's default. */
    public WorkgroupInfo createWorkgroup(String adminUid, String name, Integer queueCap, String routingMode,
            Integer idleCloseMinutes) {
        Agent admin = administrator(adminUid);
        Organisation organisation = lockedOrganisation(admin);
        requireFreeName(organisation, name, null);
        Workgroup workgroup = new Workgroup(organisation, null, name);
        workgroup.capQueue(queueCap);
        if (routingMode != null) {
            workgroup.routeBy(RoutingMode.valueOf(routingMode));
        }
        workgroup.closeThreadsIdleFor(minutes(idleCloseMinutes));
        em.persist(workgroup);
        audit.record(admin, "workgroup_created", workgroup.getUid(), workgroupDetail(workgroup).build(), Instant.now());
        return WorkgroupInfo.of(workgroup);
    }

    public WorkgroupInfo changeWorkgroup(String adminUid, String workgroupUid, WorkgroupChange change) {
        Agent admin = administrator(adminUid);
        Organisation organisation = lockedOrganisation(admin);
        Workgroup workgroup = records.workgroupOf(organisation, workgroupUid);
        if (change.name() != null && !change.name().equals(workgroup.getName())) {
            requireFreeName(organisation, change.name(), workgroup);
            workgroup.rename(change.name());
        }
        if (change.queueCapGiven()) {
            workgroup.capQueue(change.queueCap());
        }
        if (change.routingMode() != null) {
            workgroup.routeBy(RoutingMode.valueOf(change.routingMode()));
        }
        if (change.idleCloseGiven()) {
            workgroup.closeThreadsIdleFor(minutes(change.idleCloseMinutes()));
        }
        audit.record(admin, "workgroup_changed", workgroup.getUid(), workgroupDetail(workgroup).build(), Instant.now());
        return WorkgroupInfo.of(workgroup);
    }

    public List<AgentInfo> agents(String adminUid) {
        Agent admin = administrator(adminUid);
        return em.createNamedQuery(Agent.OF_ORGANISATION, Agent.class)
                .setParameter("organisation", admin.getOrganisation())
                .getResultStream().map(AgentInfo::of).toList();
    }

    public AgentInfo agent(String adminUid, String agentUid) {
        Agent admin = administrator(adminUid);
        return AgentInfo.of(records.agentOf(admin.getOrganisation(), agentUid));
    }

    public AgentInfo createAgent(String adminUid, NewAgent request) {
        Agent admin = administrator(adminUid);
        Organisation organisation = admin.getOrganisation();
        boolean taken = !em.createNamedQuery(Agent.BY_USERNAME, Agent.class)
                .setParameter("organisation", organisation).setParameter("username", request.username())
                .getResultList().isEmpty();
        if (taken) {
            throw new DomainRuleException("agent_exists", "an agent with that username exists");
        }
        List<Workgroup> workgroups = workgroupsOf(organisation, request.workgroupUids());
        Agent agent = new Agent(organisation, request.username(), request.nickname(), request.maxThreads());
        agent.replaceRoles(request.roles());
        agent.replaceWorkgroups(workgroups);
        // A racing create of the same username fails on the unique key; the retry then finds it taken.
        em.persist(agent);
        audit.record(admin, "agent_created", agent.getUid(), agentDetail(agent).build(), Instant.now());
        return AgentInfo.of(agent);
    }

    public AgentInfo changeAgent(String adminUid, String agentUid, AgentChange change) {
        Instant now = Instant.now();
        Agent admin = administrator(adminUid);
        Agent agent = records.agentOf(admin.getOrganisation(), agentUid);
        if (agent.equals(admin) && change.roles() != null && !change.roles().contains(AgentRole.ADMIN)) {
            throw new DomainRuleException("cannot_demote_self", "an administrator cannot take its own admin role");
        }
        EventBatch batch = new EventBatch();
        agent.changeProfile(change.nickname(), null, change.maxThreads());
        if (change.roles() != null) {
            agent.replaceRoles(change.roles());
        }
        List<Workgroup> joined = List.of();
        if (change.workgroupUids() != null) {
            joined = agent.replaceWorkgroups(workgroupsOf(admin.getOrganisation(), change.workgroupUids()));
        }
        // More room or new queues: threads waiting there may go to this agent now (capacity may have grown too).
        router.drain(change.maxThreads() != null ? agent.getWorkgroups() : joined, batch, now);
        eventLog.write(batch);
        audit.record(admin, "agent_changed", agent.getUid(), agentDetail(agent).build(), now);
        return AgentInfo.of(agent);
    }

    /**
     * The agent goes OFFLINE and cannot log in or be routed; every thread it holds goes back to its workgroup's queue
     * (and on to another agent, if one can take it); its consoles are closed when the event reaches them.
     */
    public AgentInfo disable(String adminUid, String agentUid) {
        Instant now = Instant.now();
        Agent admin = administrator(adminUid);
        Agent agent = records.agentOf(admin.getOrganisation(), agentUid);
        if (agent.equals(admin)) {
            throw new DomainRuleException("cannot_disable_self", "an administrator cannot disable itself");
        }
        if (agent.isDisabled()) {
            return AgentInfo.of(agent);
        }
        agent.disable(now);
        EventBatch batch = new EventBatch();
        int handedBack = handBackThreads(agent, batch, now);
        batch.add(agent, EventType.AGENT_STATUS_CHANGED, EventPayloads.agentStatusChanged(agent));
        batch.add(agent, EventType.AGENT_DISABLED, Jsons.object().add("agentUid", agent.getUid()).build());
        eventLog.write(batch);
        audit.record(admin, "agent_disabled", agent.getUid(),
                agentDetail(agent).add("threadsHandedBack", handedBack).build(), now);
        return AgentInfo.of(agent);
    }

    public AgentInfo enable(String adminUid, String agentUid) {
        Agent admin = administrator(adminUid);
        Agent agent = records.agentOf(admin.getOrganisation(), agentUid);
        if (agent.isDisabled()) {
            agent.enable();
            audit.record(admin, "agent_enabled", agent.getUid(), agentDetail(agent).build(), Instant.now());
        }
        return AgentInfo.of(agent);
    }

    public List<AuditEntry> auditTrail(String adminUid, int limit) {
        return audit.newest(administrator(adminUid), limit).stream().map(AuditEntry::of).toList();
    }

    /** Held threads back to the queue they came from, each routed again as a transfer to that workgroup would be. */
    private int handBackThreads(Agent agent, EventBatch batch, Instant now) {
        List<ChatThread> held = em.createNamedQuery(ChatThread.HELD_BY, ChatThread.class)
                .setParameter("agent", agent).getResultList();
        int handedBack = 0;
        for (ChatThread thread : held) {
            if (thread.getWorkgroup() == null) {
                continue;
            }
            int carried = unread.clear(agent, thread, batch);
            if (thread.getStatus() == ThreadStatus.ASSIGNED) {
                thread.returnToQueue(now);
            } else {
                thread.transferTo(thread.getWorkgroup(), agent, now);
                holders.record(thread, agent, now);
            }
            thread.keepUnreadWhileQueued(carried);
            batch.visitorSees(thread, ThreadAction.QUEUED);
            batch.add(agent, EventType.THREAD_STATUS_CHANGED,
                    EventPayloads.threadStatusChanged(thread, ThreadAction.QUEUED));
            router.route(thread, batch, now, agent);
            handedBack++;
        }
        return handedBack;
    }

    private Agent administrator(String adminUid) {
        Agent admin = records.agent(adminUid);
        if (admin.isDisabled() || !admin.hasRole(AgentRole.ADMIN)) {
            throw new AdminRoleRequiredException();
        }
        return admin;
    }

    /** Workgroup names are unique per organisation: creates and renames take turns on the organisation's row. */
    private Organisation lockedOrganisation(Agent admin) {
        return em.find(Organisation.class, admin.getOrganisation().getId(), LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireFreeName(Organisation organisation, String name, Workgroup except) {
        boolean taken = em.createNamedQuery(Workgroup.BY_NAME, Workgroup.class)
                .setParameter("organisation", organisation).setParameter("name", name)
                .getResultStream().anyMatch(w -> !w.equals(except));
        if (taken) {
            throw new DomainRuleException("workgroup_exists", "a workgroup with that name exists");
        }
    }

    private List<Workgroup> workgroupsOf(Organisation organisation, List<String> uids) {
        List<Workgroup> found = new ArrayList<>();
        for (String uid : new LinkedHashSet<>(uids)) {
            found.add(records.workgroupOf(organisation, uid));
        }
        return found;
    }

    private static JsonObjectBuilder workgroupDetail(Workgroup workgroup) {
        JsonObjectBuilder detail = Jsons.object().add("name", workgroup.getName());
        if (workgroup.getQueueCap() == null) {
            detail.addNull("queueCap");
        } else {
            detail.add("queueCap", workgroup.getQueueCap());
        }
        detail.add("routingMode", workgroup.getRoutingMode().name());
        if (workgroup.getIdleCloseAfter() == null) {
            detail.addNull("idleCloseSeconds");
        } else {
            detail.add("idleCloseSeconds", workgroup.getIdleCloseAfter().getSeconds());
        }
        return detail;
    }

    private static Duration minutes(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static JsonObjectBuilder agentDetail(Agent agent) {
        JsonArrayBuilder roles = Jsons.array();
        agent.getRoles().forEach(role -> roles.add(role.name()));
        JsonArrayBuilder workgroups = Jsons.array();
        agent.getWorkgroups().forEach(w -> workgroups.add(w.getUid()));
        return Jsons.object()
                .add("username", agent.getUsername())
                .add("nickname", agent.getNickname())
                .add("maxThreads", agent.getMaxThreads())
                .add("roles", roles)
                .add("workgroups", workgroups)
                .add("disabled", agent.isDisabled());
    }
}
