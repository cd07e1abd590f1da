package dev.agentconsole.model.quickreply;

/** Whose quick reply it is: the whole organisation's, or the agent's own. */
public enum QuickReplyScope {
    ORGANISATION,
    PERSONAL
}
