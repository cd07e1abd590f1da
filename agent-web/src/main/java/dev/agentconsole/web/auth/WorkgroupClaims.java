package dev.agentconsole.web.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the workgroups a login token puts the agent in, when provisioning from claims is on
 * ({@code agent.auth.provision-from-claims}): the claim {@code agent.auth.workgroups-claim} (default
 * {@code workgroups}, a dotted path reaches into an object, as for roles) holds a JSON array of workgroup uids or
 * names, or one string of them separated by commas (names may contain spaces). A token without the claim puts the
 * agent in no workgroup: the identity provider is the source of truth.
 */
public final class WorkgroupClaims {

    public static final String ENABLED_SETTING = "agent.auth.provision-from-claims";
    public static final String CLAIM_SETTING = "agent.auth.workgroups-claim";
    /** More entries than any sane directory group list; the rest are ignored rather than looked up. */
    static final int MAX_ENTRIES = 100;

    private final boolean enabled;
    private final String claim;

    public WorkgroupClaims(boolean enabled, String claim) {
        this.enabled = enabled;
        this.claim = claim == null || claim.isBlank() ? "workgroups" : claim.strip();
    }

    /** The uids or names to replace the membership with; empty when provisioning from claims is off. */
    public Optional<Set<String>> workgroupsOf(Map<String, Object> claims) {
        if (!enabled) {
            return Optional.empty();
        }
        Object value = RoleClaims.find(claims, claim);
        Set<String> names = new LinkedHashSet<>();
        if (value instanceof String text) {
            Arrays.stream(text.split(",")).map(String::strip).forEach(names::add);
        } else if (value instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(s -> ((String) s).strip()).forEach(names::add);
        }
        names.removeIf(name -> name.isEmpty() || name.length() > 200);
        return Optional.of(names.stream().limit(MAX_ENTRIES).collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
