package dev.agentconsole.agent.boundary;

import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Finds (or, when allowed, creates) the agent a verified login token names. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentSignIn {

    @EJB
    OrganisationAdmin admin;

    /** {@code roles} are what the token grants now; they replace the agent's earlier ones. */
    public Optional<AgentView> resolve(String organisationUid, String username, boolean provision,
            Set<AgentRole> roles) {
        return ConflictRetry.run(() -> admin.resolveAgent(organisationUid, username, provision, roles));
    }

    /**
     * As above; a non-null {@code workgroups} (uids or names, from the token) replaces the agent's membership. A
     * disabled agent is refused with {@code AgentDisabledException}.
     */
    public Optional<AgentView> resolve(String organisationUid, String username, boolean provision,
            Set<AgentRole> roles, Collection<String> workgroups) {
        return ConflictRetry.run(() -> admin.resolveAgent(organisationUid, username, provision, roles, workgroups));
    }
}
