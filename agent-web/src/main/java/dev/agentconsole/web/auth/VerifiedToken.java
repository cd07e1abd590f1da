package dev.agentconsole.web.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful verification.
 *
 * @param username     the agent: {@code upn}, else {@code preferred_username}, else {@code sub} (unwrapped when it is a
 *                     JSON object string with a {@code username} field)
 * @param organisation the value of the configured organisation claim, when configured and present (a JSON null
 *                     is refused, not taken for absent)
 * @param expiresAt    the {@code exp} claim, or {@code null} when the token has none
 * @param claims       all claims as JSON values (times as epoch seconds), read-only
 */
public record VerifiedToken(String username, Optional<String> organisation, Instant expiresAt,
        Map<String, Object> claims) {

    public VerifiedToken {
        Objects.requireNonNull(username, "username");
        organisation = organisation == null ? Optional.empty() : organisation;
        // Claims may hold JSON nulls, which Map.copyOf refuses.
        claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }
}
