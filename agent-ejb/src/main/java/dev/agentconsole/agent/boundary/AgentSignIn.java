package dev.agentconsole.agent.boundary;

import dev.agentconsole.infrastructure.persistence.ConflictRetry;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;

/** Finds (or, when allowed, creates) the agent a verified login token names. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentSignIn {

    @EJB
    OrganisationAdmin admin;

    public Optional<AgentView> resolve(String organisationUid, String username, boolean provision) {
        return ConflictRetry.run(() -> admin.resolveAgent(organisationUid, username, provision));
    }
}
