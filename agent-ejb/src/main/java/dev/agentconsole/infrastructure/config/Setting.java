package dev.agentconsole.infrastructure.config;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Injects one application setting, resolved by {@link SettingLookup} (MicroProfile Config where the server has it,
 * else system property, environment variable, JNDI environment entry). Types: {@code String},
 * {@code Optional<String>}, {@code int}, {@code long}, {@code boolean}, {@code Duration} (ISO-8601).
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
public @interface Setting {

    /** Marks "no default": a missing value is an error unless the type is {@code Optional}. */
    String NO_DEFAULT = "\u0000no default";

    /** The setting's name, e.g. {@code agent.auth.hmac-secret}. */
    @Nonbinding
    String value();

    /** Used when no source has the setting; converted like a configured value. */
    @Nonbinding
    String defaultValue() default NO_DEFAULT;
}
