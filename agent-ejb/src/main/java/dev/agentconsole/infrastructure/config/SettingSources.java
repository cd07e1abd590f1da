package dev.agentconsole.infrastructure.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The sources every server has: system properties, environment variables, JNDI environment entries. */
final class SettingSources {

    private SettingSources() {
    }

    static SettingSource systemProperties() {
        return name -> Optional.ofNullable(System.getProperty(name));
    }

    /**
     * Environment variables, found by the name as it is, then with every character other than a letter or digit
     * made {@code _}, then that upper-cased ({@code agent.auth.hmac-secret} → {@code AGENT_AUTH_HMAC_SECRET}): the
     * rule MicroProfile Config uses, so one variable works with and without it.
     */
    static SettingSource environment(Map<String, String> env) {
        return name -> {
            String sanitised = name.replaceAll("[^A-Za-z0-9]", "_");
            for (String candidate : new String[] {name, sanitised, sanitised.toUpperCase(Locale.ROOT)}) {
                String value = env.get(candidate);
                if (value != null) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        };
    }

    /**
     * JNDI environment entries: {@code java:comp/env/agent/auth/hmac-secret} (an {@code env-entry} of the module,
     * or one a deployment plan sets), then {@code java:app/env/agent/auth/hmac-secret} (an {@code env-entry} in the
     * EAR's {@code application.xml}, seen by every module). Dots in the name become slashes.
     */
    static SettingSource jndi() {
        return jndi(SettingSources::lookupJndi);
    }

    static SettingSource jndi(Function<String, Object> lookup) {
        return name -> {
            String path = name.replace('.', '/');
            for (String prefix : new String[] {"java:comp/env/", "java:app/env/"}) {
                Object value = lookup.apply(prefix + path);
                if (value != null) {
                    return Optional.of(value.toString());
                }
            }
            return Optional.empty();
        };
    }

    private static Object lookupJndi(String jndiName) {
        try {
            return new InitialContext().lookup(jndiName);
        } catch (NamingException | RuntimeException notThere) {
            // Not bound, or no naming context on this thread (unit tests): the entry is simply not set.
            return null;
        }
    }
}
