package dev.agentconsole.quickreply.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.Identified;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.quickreply.QuickReply;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees and who changes which quick replies. */
class QuickReplyRightsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Organisation org = new Organisation("org", "Org");
    private final Organisation otherOrg = new Organisation("other", "Other");

    @Test
    void everyAgentSeesTheOrganisationsRepliesAndOnlyItsOwnPersonalOnes() throws Exception {
        Agent ann = stored(new Agent(org, "ann", "Ann", 3), 51);
        Agent bob = stored(new Agent(org, "bob", "Bob", 3), 52);
        Agent eve = stored(new Agent(otherOrg, "eve", "Eve", 3), 53);
        QuickReply shared = QuickReply.forOrganisation(org, "hi", "Hello", T0);
        QuickReply annsOwn = QuickReply.personal(ann, "hi", "Hi", T0);

        assertTrue(QuickReplyRights.maySee(ann, shared));
        assertTrue(QuickReplyRights.maySee(bob, shared));
        assertTrue(QuickReplyRights.maySee(ann, annsOwn));
        assertFalse(QuickReplyRights.maySee(bob, annsOwn));
        assertFalse(QuickReplyRights.maySee(eve, shared));
        assertFalse(QuickReplyRights.maySee(eve, annsOwn));
    }

    @Test
    void theOrganisationsRepliesAreChangedBySupervisorsAndAdministratorsPersonalOnesByTheirOwner() throws Exception {
        Agent ann = stored(new Agent(org, "ann", "Ann", 3), 51);
        Agent sue = stored(new Agent(org, "sue", "Sue", 3), 52);
        sue.replaceRoles(Set.of(AgentRole.SUPERVISOR));
        Agent ada = stored(new Agent(org, "ada", "Ada", 3), 54);
        ada.replaceRoles(Set.of(AgentRole.ADMIN));
        QuickReply shared = QuickReply.forOrganisation(org, "hi", "Hello", T0);
        QuickReply annsOwn = QuickReply.personal(ann, "hi", "Hi", T0);

        assertFalse(QuickReplyRights.mayManageOrganisationReplies(ann));
        assertTrue(QuickReplyRights.mayManageOrganisationReplies(sue));
        assertTrue(QuickReplyRights.mayManageOrganisationReplies(ada));
        assertTrue(QuickReplyRights.mayChange(ada, shared));
        assertFalse(QuickReplyRights.mayChange(ada, annsOwn));
        assertFalse(QuickReplyRights.mayChange(ann, shared));
        assertTrue(QuickReplyRights.mayChange(sue, shared));
        assertTrue(QuickReplyRights.mayChange(ann, annsOwn));
        assertFalse(QuickReplyRights.mayChange(sue, annsOwn), "a supervisor does not edit an agent's own replies");
    }

    private static Agent stored(Agent agent, long id) throws Exception {
        Field field = Identified.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(agent, id);
        return agent;
    }
}
