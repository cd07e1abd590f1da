package dev.agentconsole.infrastructure.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resolves a setting by name from the first source that has it: MicroProfile Config when the server provides it,
 * then JVM system properties, environment variables and JNDI environment entries (see {@link SettingSources} for the
 * exact names). An empty value counts as not set, as in MicroProfile Config.
 */
public final class SettingLookup {

    static final String MICROPROFILE_CONFIG_API = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String MICROPROFILE_ADAPTER = "dev.agentconsole.infrastructure.config.MicroProfileConfigSource";
    private static final Logger LOG = Logger.getLogger(SettingLookup.class.getName());

    private final List<SettingSource> sources;

    SettingLookup(List<SettingSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The value of the setting, or empty when no source has one. */
    public static Optional<String> value(String name) {
        return Standard.LOOKUP.find(name);
    }

    Optional<String> find(String name) {
        for (SettingSource source : sources) {
            Optional<String> value = source.find(name).filter(text -> !text.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    static SettingLookup standard(Optional<SettingSource> microProfile) {
        List<SettingSource> sources = new ArrayList<>();
        microProfile.ifPresent(sources::add);
        sources.add(SettingSources.systemProperties());
        sources.add(SettingSources.environment(System.getenv()));
        sources.add(SettingSources.jndi());
        return new SettingLookup(sources);
    }

    /** MicroProfile Config if its API and an implementation are there; never fails, never loads the API otherwise. */
    static Optional<SettingSource> microProfileConfig(ClassLoader loader) {
        try {
            Class.forName(MICROPROFILE_CONFIG_API, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.info("agent console settings: no MicroProfile Config; using system properties, environment, JNDI");
            return Optional.empty();
        }
        try {
            SettingSource source = (SettingSource) Class.forName(MICROPROFILE_ADAPTER, true, loader)
                    .getDeclaredConstructor().newInstance();
            LOG.info("agent console settings: MicroProfile Config, then system properties, environment, JNDI");
            return Optional.of(source);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unusable) {
            Throwable cause = unusable.getCause() != null ? unusable.getCause() : unusable;
            LOG.log(Level.INFO, "agent console settings: MicroProfile Config unusable ({0}); using system "
                    + "properties, environment, JNDI", String.valueOf(cause));
            return Optional.empty();
        }
    }

    /** Detected once, on first use. */
    private static final class Standard {
        static final SettingLookup LOOKUP = standard(microProfileConfig(SettingLookup.class.getClassLoader()));
    }
}
