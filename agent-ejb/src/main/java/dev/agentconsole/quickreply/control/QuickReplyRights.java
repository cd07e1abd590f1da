package dev.agentconsole.quickreply.control;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.quickreply.QuickReply;

/**
 * Who sees and changes which quick replies. Inside an organisation every agent sees the organisation's replies and
 * its own; another agent's personal replies, like another organisation's, do not exist for it. Personal replies are
 * changed by their owner, the organisation's by a supervisor or an administrator.
 */
public final class QuickReplyRights {

    private QuickReplyRights() {
    }

    public static boolean maySee(Agent agent, QuickReply reply) {
        return agent.getOrganisation().equals(reply.getOrganisation())
                && (reply.isOrganisationWide() || reply.isOwnedBy(agent));
    }

    /** Only asked about a reply the agent {@link #maySee may see}. */
    public static boolean mayChange(Agent agent, QuickReply reply) {
        return reply.isOrganisationWide() ? mayManageOrganisationReplies(agent) : reply.isOwnedBy(agent);
    }

    public static boolean mayManageOrganisationReplies(Agent agent) {
        return agent.hasRole(AgentRole.SUPERVISOR) || agent.hasRole(AgentRole.ADMIN);
    }
}
