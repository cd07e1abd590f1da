package dev.agentconsole.agent.boundary;

import dev.agentconsole.model.agent.Agent;
import java.util.List;

/** An agent as callers outside the transaction see it. */
public record AgentView(String uid, String organisationUid, String username, String nickname, String avatar,
        String status, int maxThreads, int activeThreads, List<WorkgroupRef> workgroups, long version) {

    public record WorkgroupRef(String uid, String name) {
    }

    public static AgentView of(Agent agent) {
        return new AgentView(agent.getUid(), agent.getOrganisation().getUid(), agent.getUsername(),
                agent.getNickname(), agent.getAvatar(), agent.getStatus().name(), agent.getMaxThreads(),
                agent.getActiveThreads(),
                agent.getWorkgroups().stream().map(w -> new WorkgroupRef(w.getUid(), w.getName())).toList(),
                agent.getVersion());
    }
}
