package dev.agentconsole.web.auth;

import dev.agentconsole.model.agent.AgentRole;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the console roles a login token grants. The identity provider names roles in its own words, in a claim of
 * its choosing: {@code agent.auth.roles-claim} (default {@code roles}; a dotted path such as
 * {@code realm_access.roles} reaches into Keycloak's nested claim) holds a JSON array of strings or one string of
 * names separated by spaces or commas, and {@code agent.auth.supervisor-role} (default {@code supervisor}) is the
 * name that makes an agent a supervisor. Names are compared exactly. A token without the claim grants no role.
 */
public final class RoleClaims {

    public static final String CLAIM_SETTING = "agent.auth.roles-claim";
    public static final String SUPERVISOR_SETTING = "agent.auth.supervisor-role";
    public static final String ADMIN_SETTING = "agent.auth.admin-role";

    private final String claim;
    private final String supervisorRole;
    private final String adminRole;

    public RoleClaims(String claim, String supervisorRole) {
        this(claim, supervisorRole, null);
    }

    /** {@code adminRole} (default {@code admin}) is the name that makes an agent an administrator. */
    public RoleClaims(String claim, String supervisorRole, String adminRole) {
        this.claim = orDefault(claim, "roles");
        this.supervisorRole = orDefault(supervisorRole, "supervisor");
        this.adminRole = orDefault(adminRole, "admin");
    }

    public Set<AgentRole> rolesOf(VerifiedToken token) {
        return rolesOf(token.claims());
    }

    /** {@code claims} as the verifier gives them: JSON objects as maps, arrays as lists. */
    public Set<AgentRole> rolesOf(Map<String, Object> claims) {
        Set<AgentRole> roles = EnumSet.noneOf(AgentRole.class);
        Set<String> granted = names(find(claims, claim));
        if (granted.contains(supervisorRole)) {
            roles.add(AgentRole.SUPERVISOR);
        }
        if (granted.contains(adminRole)) {
            roles.add(AgentRole.ADMIN);
        }
        return roles;
    }

    /** The claim by its exact name (names like {@code https://example.com/roles} contain dots), else as a path. */
    static Object find(Map<String, Object> claims, String claim) {
        if (claims.containsKey(claim)) {
            return claims.get(claim);
        }
        Object value = claims;
        for (String step : claim.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }

    private static Set<String> names(Object value) {
        if (value instanceof String text) {
            return Arrays.stream(text.strip().split("[\\s,]+")).filter(name -> !name.isEmpty())
                    .collect(Collectors.toSet());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(s -> ((String) s).strip())
                    .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
