package dev.agentconsole.model.agent;

/**
 * What an agent may do beyond its own threads and workgroups. Granted by the identity provider through the login
 * token (the configured claim and role name map onto these), and replaced at every login.
 */
public enum AgentRole {
    /** Reads every thread, message and visitor record of its organisation. */
    SUPERVISOR,
    /** Administers its organisation: workgroups and agents ({@code /api/v1/admin}). */
    ADMIN
}
