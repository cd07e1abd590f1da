package dev.agentconsole.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.model.agent.AgentRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roles read from the login token's claims, as the verifier hands them over (arrays as lists, objects as maps). */
class RoleClaimsTest {

    private static final Set<AgentRole> SUPERVISOR = Set.of(AgentRole.SUPERVISOR);
    private final RoleClaims defaults = new RoleClaims(null, null);

    @Test
    void aJsonArrayOfRoleNames() {
        assertEquals(SUPERVISOR, defaults.rolesOf(Map.of("roles", List.of("agent", "supervisor"))));
        assertEquals(Set.of(), defaults.rolesOf(Map.of("roles", List.of("agent"))));
    }

    @Test
    void aStringOfNamesSeparatedBySpacesOrCommas() {
        assertEquals(SUPERVISOR, defaults.rolesOf(Map.of("roles", "agent supervisor")));
        assertEquals(SUPERVISOR, defaults.rolesOf(Map.of("roles", "agent, supervisor")));
        assertEquals(SUPERVISOR, defaults.rolesOf(Map.of("roles", "supervisor")));
        assertEquals(Set.of(), defaults.rolesOf(Map.of("roles", "supervisors")));
    }

    @Test
    void noClaimOrAClaimOfAnotherShapeGrantsNothing() {
        assertEquals(Set.of(), defaults.rolesOf(Map.of()));
        assertEquals(Set.of(), defaults.rolesOf(Map.of("roles", 42)));
        assertEquals(Set.of(), defaults.rolesOf(Map.of("roles", List.of(Map.of("name", "supervisor")))));
        assertEquals(Set.of(), defaults.rolesOf(Map.of("groups", List.of("supervisor"))));
    }

    @Test
    void theClaimAndTheSupervisorRoleAreConfigurable() {
        RoleClaims custom = new RoleClaims("groups", "cs-lead");

        assertEquals(SUPERVISOR, custom.rolesOf(Map.of("groups", List.of("cs-lead"))));
        assertEquals(Set.of(), custom.rolesOf(Map.of("groups", List.of("supervisor"))));
        assertEquals(Set.of(), custom.rolesOf(Map.of("roles", List.of("cs-lead"))));
    }

    @Test
    void aDottedNameReachesIntoKeycloaksRealmAccessUnlessAClaimHasThatExactName() {
        RoleClaims keycloak = new RoleClaims("realm_access.roles", null);
        assertEquals(SUPERVISOR, keycloak.rolesOf(Map.of("realm_access", Map.of("roles", List.of("supervisor")))));
        assertEquals(Set.of(), keycloak.rolesOf(Map.of("realm_access", List.of("supervisor"))));

        RoleClaims namespaced = new RoleClaims("https://example.com/roles", null);
        assertEquals(SUPERVISOR, namespaced.rolesOf(Map.of("https://example.com/roles", List.of("supervisor"))));
    }

    @Test
    void theAdminRoleHasItsOwnConfigurableName() {
        assertEquals(Set.of(AgentRole.ADMIN, AgentRole.SUPERVISOR),
                defaults.rolesOf(Map.of("roles", List.of("admin", "supervisor"))));
        assertEquals(Set.of(AgentRole.ADMIN), defaults.rolesOf(Map.of("roles", "admin admin")));

        RoleClaims custom = new RoleClaims("groups", null, "cs-admins");
        assertEquals(Set.of(AgentRole.ADMIN), custom.rolesOf(Map.of("groups", List.of("cs-admins", "admin"))));
    }
}
