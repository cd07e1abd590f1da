package dev.agentconsole.organisation.boundary;

import dev.agentconsole.infrastructure.persistence.AcknowledgeDurably;
import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.organisation.boundary.AdminViews.AgentChange;
import dev.agentconsole.organisation.boundary.AdminViews.AgentInfo;
import dev.agentconsole.organisation.boundary.AdminViews.AuditEntry;
import dev.agentconsole.organisation.boundary.AdminViews.NewAgent;
import dev.agentconsole.organisation.boundary.AdminViews.WorkgroupChange;
import dev.agentconsole.organisation.boundary.AdminViews.WorkgroupInfo;
import dev.agentconsole.organisation.control.AdminChanges;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.util.List;

/**
 * An organisation's administration: its workgroups and agents. {@code adminUid} is the calling agent, who must hold
 * the admin role and not be disabled ({@link AdminRoleRequiredException} otherwise); it sees and changes only its own
 * organisation. Each change is one transaction with its audit entry, retried when it loses a race, and answered once
 * durable (reads do not wait for that).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Administration {

    @EJB
    AdminChanges changes;

    /** For the console: whether to offer the way to the admin page. */
    public boolean isAdministrator(String agentUid) {
        return changes.isAdministrator(agentUid);
    }

    public List<WorkgroupInfo> workgroups(String adminUid) {
        return changes.workgroups(adminUid);
    }

    @Interceptors(AcknowledgeDurably.class)
    public WorkgroupInfo createWorkgroup(String adminUid, String name, Integer queueCap, String routingMode,
            Integer idleCloseMinutes) {
        return ConflictRetry.run(() -> changes.createWorkgroup(adminUid, name, queueCap, routingMode,
                idleCloseMinutes));
    }

    @Interceptors(AcknowledgeDurably.class)
    public WorkgroupInfo changeWorkgroup(String adminUid, String workgroupUid, WorkgroupChange change) {
        return ConflictRetry.run(() -> changes.changeWorkgroup(adminUid, workgroupUid, change));
    }

    public List<AgentInfo> agents(String adminUid) {
        return changes.agents(adminUid);
    }

    public AgentInfo agent(String adminUid, String agentUid) {
        return changes.agent(adminUid, agentUid);
    }

    @Interceptors(AcknowledgeDurably.class)
    public AgentInfo createAgent(String adminUid, NewAgent agent) {
        return ConflictRetry.run(() -> changes.createAgent(adminUid, agent));
    }

    @Interceptors(AcknowledgeDurably.class)
    public AgentInfo changeAgent(String adminUid, String agentUid, AgentChange change) {
        return ConflictRetry.run(() -> changes.changeAgent(adminUid, agentUid, change));
    }

    @Interceptors(AcknowledgeDurably.class)
    public AgentInfo disable(String adminUid, String agentUid) {
        return ConflictRetry.run(() -> changes.disable(adminUid, agentUid));
    }

    @Interceptors(AcknowledgeDurably.class)
    public AgentInfo enable(String adminUid, String agentUid) {
        return ConflictRetry.run(() -> changes.enable(adminUid, agentUid));
    }

    /** The organisation's audit trail, newest first. */
    public List<AuditEntry> auditTrail(String adminUid, int limit) {
        return changes.auditTrail(adminUid, limit);
    }
}
