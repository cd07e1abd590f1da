package dev.agentconsole.organisation.boundary;

import dev.agentconsole.model.DomainRuleException;
import jakarta.ejb.ApplicationException;

/** A login of an agent an administrator disabled. */
@ApplicationException(rollback = true)
public class AgentDisabledException extends DomainRuleException {

    public AgentDisabledException() {
        super("agent_disabled", "the agent is disabled");
    }
}
