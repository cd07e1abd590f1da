package dev.agentconsole.quickreply.boundary;

import java.util.List;

/** What an agent's composer offers, and whether that agent may also keep the organisation's replies. */
public record QuickReplyList(List<QuickReplyView> replies, boolean mayManageOrganisation) {
}
