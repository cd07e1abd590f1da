package dev.agentconsole.routing.boundary;

import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** What a visitor may learn about a workgroup before starting a chat. */
@Stateless
public class WorkgroupDirectory {

    /** @param agentsOnline agents who are AVAILABLE (taking new threads) right now */
    public record WorkgroupInfo(String uid, String name, int agentsOnline) {
    }

    @Inject
    Records records;

    public WorkgroupInfo info(String workgroupUid) {
        Workgroup workgroup = records.workgroup(workgroupUid);
        List<Agent> members = records.membersOf(workgroup);
        int online = (int) members.stream().filter(a -> a.getStatus() == AgentStatus.AVAILABLE).count();
        return new WorkgroupInfo(workgroup.getUid(), workgroup.getName(), online);
    }
}
