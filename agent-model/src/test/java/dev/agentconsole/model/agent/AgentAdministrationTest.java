package dev.agentconsole.model.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an administrator (or a login's claims) changes on an agent: membership, and disabling. */
class AgentAdministrationTest {

    private final Organisation org = new Organisation("org", "Org");
    private final Workgroup sales = new Workgroup(org, "wg-sales", "Sales");
    private final Workgroup support = new Workgroup(org, "wg-support", "Support");
    private final Agent ann = new Agent(org, "ann", "Ann", 2);

    @Test
    void membershipIsReplacedAndTheNewlyJoinedWorkgroupsAreAnswered() {
        assertEquals(List.of(sales), ann.replaceWorkgroups(List.of(sales)));

        assertEquals(List.of(support), ann.replaceWorkgroups(List.of(sales, support)));
        assertTrue(ann.isMemberOf(sales) && ann.isMemberOf(support));

        assertEquals(List.of(), ann.replaceWorkgroups(List.of(support)));
        assertFalse(ann.isMemberOf(sales));
        assertEquals(List.of(), ann.replaceWorkgroups(List.of()));
        assertEquals(List.of(), ann.getWorkgroups());
    }

    @Test
    void anotherOrganisationsWorkgroupIsRefusedAndNothingChanges() {
        ann.replaceWorkgroups(List.of(sales));
        Workgroup foreign = new Workgroup(new Organisation("other", "Other"), "wg-x", "X");

        DomainRuleException refused = assertThrows(DomainRuleException.class,
                () -> ann.replaceWorkgroups(List.of(support, foreign)));

        assertEquals("foreign_workgroup", refused.getCode());
        assertEquals(List.of(sales), ann.getWorkgroups());
    }

    @Test
    void aDisabledAgentIsOfflineIsNeverRoutedAndCannotComeBackOnline() {
        ann.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, Instant.now());
        assertTrue(ann.canBeRouted());

        ann.disable(Instant.now());

        assertTrue(ann.isDisabled());
        assertEquals(AgentStatus.OFFLINE, ann.getStatus());
        assertEquals(StatusCause.ADMIN, ann.getStatusCause());
        assertFalse(ann.canBeRouted());
        DomainRuleException refused = assertThrows(DomainRuleException.class,
                () -> ann.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, Instant.now()));
        assertEquals("agent_disabled", refused.getCode());
        assertEquals(AgentStatus.OFFLINE, ann.getStatus());

        ann.enable();
        assertTrue(ann.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, Instant.now()));
        assertTrue(ann.canBeRouted());
    }

    @Test
    void theAdminRoleIsStoredBesideTheSupervisorRole() {
        ann.replaceRoles(java.util.Set.of(AgentRole.ADMIN, AgentRole.SUPERVISOR));

        assertTrue(ann.hasRole(AgentRole.ADMIN));
        assertEquals(java.util.EnumSet.allOf(AgentRole.class), ann.getRoles());
    }
}
