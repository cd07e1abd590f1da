package dev.agentconsole.organisation.boundary;

import dev.agentconsole.agent.boundary.AgentView.WorkgroupRef;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.organisation.AdminAuditEntry;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the administration API reads and answers, outside the transaction. */
public final class AdminViews {

    private AdminViews() {
    }

    /** @param queueCap the workgroup's own cap, null when it follows the deployment's default */
    /** {@code idleClose} is null where the workgroup follows the deployment's default. */
    public record WorkgroupInfo(String uid, String name, Integer queueCap, String routingMode,
            java.time.Duration idleClose) {

        public static WorkgroupInfo of(Workgroup workgroup) {
            return new WorkgroupInfo(workgroup.getUid(), workgroup.getName(), workgroup.getQueueCap(),
                    workgroup.getRoutingMode().name(), workgroup.getIdleCloseAfter());
        }
    }

    public record AgentInfo(String uid, String username, String nickname, String status, int maxThreads,
            int activeThreads, Set<AgentRole> roles, List<WorkgroupRef> workgroups, boolean disabled) {

        public static AgentInfo of(Agent agent) {
            return new AgentInfo(agent.getUid(), agent.getUsername(), agent.getNickname(), agent.getStatus().name(),
                    agent.getMaxThreads(), agent.getActiveThreads(), agent.getRoles(),
                    agent.getWorkgroups().stream().map(w -> new WorkgroupRef(w.getUid(), w.getName())).toList(),
                    agent.isDisabled());
        }
    }

    /** @param detail what changed, as JSON text */
    public record AuditEntry(String actorUid, String action, String targetUid, String detail, Instant at) {

        public static AuditEntry of(AdminAuditEntry entry) {
            return new AuditEntry(entry.getActorUid(), entry.getAction(), entry.getTargetUid(), entry.getDetail(),
                    entry.getOccurredAt());
        }
    }

    /**
     * A change to a workgroup; null members stay as they are. {@code queueCapGiven} with a null {@code queueCap}
     * goes back to the deployment's default cap.
     */
    /**
     * A change to a workgroup; a null name or routing mode stays as it is, a given null queue cap or idle time goes
     * back to the deployment's default.
     */
    public record WorkgroupChange(String name, Integer queueCap, boolean queueCapGiven, String routingMode,
            Integer idleCloseMinutes, boolean idleCloseGiven) {
    }

    /** A new agent; {@code roles} and {@code workgroupUids} may be empty. */
    public record NewAgent(String username, String nickname, int maxThreads, Set<AgentRole> roles,
            List<String> workgroupUids) {
    }

    /** A change to an agent; null members stay as they are ({@code workgroupUids} replaces the membership). */
    public record AgentChange(String nickname, Integer maxThreads, Set<AgentRole> roles, List<String> workgroupUids) {
    }
}
