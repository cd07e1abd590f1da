package dev.agentconsole.model.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.organisation.Organisation;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles come from each login and replace the earlier ones. */
class AgentRolesTest {

    @Test
    void eachLoginReplacesTheRoles() {
        Agent agent = new Agent(new Organisation("org", "Org"), "ann", "ann", 3);
        assertFalse(agent.hasRole(AgentRole.SUPERVISOR));

        agent.replaceRoles(Set.of(AgentRole.SUPERVISOR));
        assertTrue(agent.hasRole(AgentRole.SUPERVISOR));
        assertEquals(Set.of(AgentRole.SUPERVISOR), agent.getRoles());

        agent.replaceRoles(Set.of());
        assertFalse(agent.hasRole(AgentRole.SUPERVISOR));
        assertEquals(Set.of(), agent.getRoles());
    }
}
