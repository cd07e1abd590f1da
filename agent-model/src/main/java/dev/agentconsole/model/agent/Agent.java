package dev.agentconsole.model.agent;

import dev.agentconsole.model.ControlCharacters;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer-service agent. Carries its own load ({@code activeThreads}) so that concurrent routing decisions collide on
 * the agent's version instead of overfilling it.
 */
@Entity
@Table(name = "agent", uniqueConstraints = @UniqueConstraint(columnNames = {"organisation_id", "username"}))
@NamedQuery(name = Agent.BY_UID, query = "select a from Agent a where a.uid = :uid")
@NamedQuery(name = Agent.BY_USERNAME,
        query = "select a from Agent a where a.organisation = :organisation and a.username = :username")
@NamedQuery(name = Agent.OF_WORKGROUP, query = "select a from Agent a join a.workgroups w where w = :workgroup")
@NamedQuery(name = Agent.OF_ORGANISATION,
        query = "select a from Agent a where a.organisation = :organisation order by a.nickname")
public class Agent extends Identified {

    public static final String BY_UID = "Agent.byUid";
    public static final String BY_USERNAME = "Agent.byUsername";
    public static final String OF_WORKGROUP = "Agent.ofWorkgroup";
    public static final String OF_ORGANISATION = "Agent.ofOrganisation";

    /** User names come from login tokens; longer ones are refused there. */
    public static final int MAX_USERNAME_LENGTH = 200;

    @ManyToOne(optional = false)
    private Organisation organisation;

    @Column(nullable = false, length = MAX_USERNAME_LENGTH)
    private String username;

    @Column(nullable = false, length = 200)
    private String nickname;

    @Column(length = 500)
    private String avatar;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AgentStatus status = AgentStatus.OFFLINE;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private StatusCause statusCause;

    private Instant statusChangedAt;

    @Column(nullable = false)
    private int maxThreads;

    /** Threads assigned to or chatting with this agent; kept in step by the thread transitions. */
    @Column(nullable = false)
    private int activeThreads;

    /** When this agent last received a thread; the routing tie-breaker (longest idle first). */
    private Instant lastAssignedAt;

    /** {@link AgentRole} names separated by spaces, as the last login's token granted them; null for none. */
    @Column(length = 200)
    private String roles;

    /** Set by an administrator: cannot log in, is never routed, holds no threads. */
    @Column(nullable = false)
    private boolean disabled;

    @ManyToMany
    @JoinTable(name = "agent_workgroup")
    @OrderBy("name")
    private List<Workgroup> workgroups = new ArrayList<>();

    @Version
    private long version;

    protected Agent() {
    }

    public Agent(Organisation organisation, String username, String nickname, int maxThreads) {
        super(null);
        if (maxThreads < 1) {
            throw new DomainRuleException("invalid_max_threads", "maxThreads must be at least 1");
        }
        refuseControlCharacters(username);
        refuseControlCharacters(nickname);
        this.organisation = organisation;
        this.username = username;
        this.nickname = nickname;
        this.maxThreads = maxThreads;
    }

    /** Returns false when the agent already had that status, so callers can skip a no-op event. */
    public boolean changeStatus(AgentStatus newStatus, StatusCause cause, Instant at) {
        if (newStatus == null) {
            throw new DomainRuleException("invalid_status", "status is required");
        }
        if (newStatus == status) {
            return false;
        }
        if (disabled && newStatus != AgentStatus.OFFLINE) {
            throw new DomainRuleException("agent_disabled", "a disabled agent stays offline");
        }
        this.status = newStatus;
        this.statusCause = cause;
        this.statusChangedAt = at;
        return true;
    }

    public boolean canBeRouted() {
        return !disabled && status == AgentStatus.AVAILABLE && activeThreads < maxThreads;
    }

    public int spareCapacity() {
        return Math.max(0, maxThreads - activeThreads);
    }

    public boolean isMemberOf(Workgroup workgroup) {
        return workgroups.contains(workgroup);
    }

    public void joinWorkgroup(Workgroup workgroup) {
        if (!workgroup.getOrganisation().equals(organisation)) {
            throw new DomainRuleException("foreign_workgroup", "workgroup belongs to another organisation");
        }
        if (!workgroups.contains(workgroup)) {
            workgroups.add(workgroup);
        }
    }

    /**
     * Membership becomes exactly {@code wanted} (all of this organisation); answers the workgroups newly joined, where
     * queued threads may now find this agent.
     */
    public List<Workgroup> replaceWorkgroups(Collection<Workgroup> wanted) {
        for (Workgroup workgroup : wanted) {
            if (!workgroup.getOrganisation().equals(organisation)) {
                throw new DomainRuleException("foreign_workgroup", "workgroup belongs to another organisation");
            }
        }
        List<Workgroup> joined = new ArrayList<>();
        for (Workgroup workgroup : wanted) {
            if (!workgroups.contains(workgroup)) {
                joined.add(workgroup);
            }
        }
        joined.forEach(this::joinWorkgroup);
        workgroups.removeIf(workgroup -> !wanted.contains(workgroup));
        return joined;
    }

    /** Goes offline for good (until enabled): the caller hands the agent's threads back to their queues. */
    public void disable(Instant at) {
        changeStatus(AgentStatus.OFFLINE, StatusCause.ADMIN, at);
        disabled = true;
    }

    public void enable() {
        disabled = false;
    }

    public boolean isDisabled() {
        return disabled;
    }

    /**
     * The roles the identity provider grants now, replacing the earlier ones (a role taken away there is gone here at
     * the next login). Stored in a fixed order so an unchanged set writes nothing.
     */
    public void replaceRoles(Set<AgentRole> granted) {
        String joined = granted == null || granted.isEmpty() ? null
                : granted.stream().sorted().map(AgentRole::name).collect(Collectors.joining(" "));
        if (!Objects.equals(joined, roles)) {
            roles = joined;
        }
    }

    public boolean hasRole(AgentRole role) {
        return roles != null && Arrays.asList(roles.split(" ")).contains(role.name());
    }

    public Set<AgentRole> getRoles() {
        Set<AgentRole> granted = EnumSet.noneOf(AgentRole.class);
        for (AgentRole role : AgentRole.values()) {
            if (hasRole(role)) {
                granted.add(role);
            }
        }
        return granted;
    }

    /** Called by the thread when it is handed to this agent. */
    public void takeThread(Instant at) {
        activeThreads++;
        lastAssignedAt = at;
    }

    /** Called by the thread when it leaves this agent (closed, transferred, handed back to the queue). */
    public void releaseThread() {
        if (activeThreads > 0) {
            activeThreads--;
        }
    }

    public void changeProfile(String nickname, String avatar, Integer maxThreads) {
        if (nickname != null && !nickname.isBlank()) {
            refuseControlCharacters(nickname);
            this.nickname = nickname;
        }
        if (avatar != null) {
            this.avatar = avatar;
        }
        if (maxThreads != null) {
            if (maxThreads < 1) {
                throw new DomainRuleException("invalid_max_threads", "maxThreads must be at least 1");
            }
            this.maxThreads = maxThreads;
        }
    }

    /** The last line of defence: the API and the login refuse such names first, with their own answers. */
    private static void refuseControlCharacters(String name) {
        if (ControlCharacters.in(name)) {
            throw new DomainRuleException("invalid_name", "agent names must not contain control characters");
        }
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getUsername() {
        return username;
    }

    public String getNickname() {
        return nickname;
    }

    public String getAvatar() {
        return avatar;
    }

    public AgentStatus getStatus() {
        return status;
    }

    public StatusCause getStatusCause() {
        return statusCause;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public int getMaxThreads() {
        return maxThreads;
    }

    public int getActiveThreads() {
        return activeThreads;
    }

    public Instant getLastAssignedAt() {
        return lastAssignedAt;
    }

    public List<Workgroup> getWorkgroups() {
        return Collections.unmodifiableList(workgroups);
    }

    public long getVersion() {
        return version;
    }
}
