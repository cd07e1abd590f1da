package dev.agentconsole.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingLookupTest {

    private static final String NAME = "agent.test.lookup-order";

    private final Map<String, String> microProfile = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Object> jndi = new HashMap<>();

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty(NAME);
    }

    private SettingLookup lookup(boolean withMicroProfile) {
        SettingSource mp = name -> Optional.ofNullable(microProfile.get(name));
        SettingSource names = SettingSources.jndi(jndi::get);
        return withMicroProfile
                ? new SettingLookup(List.of(mp, SettingSources.systemProperties(), SettingSources.environment(env), names))
                : new SettingLookup(List.of(SettingSources.systemProperties(), SettingSources.environment(env), names));
    }

    @Test
    void systemPropertyThenEnvironmentThenJndi() {
        jndi.put("java:comp/env/agent/test/lookup-order", "from-jndi");
        assertEquals(Optional.of("from-jndi"), lookup(false).find(NAME));

        env.put("AGENT_TEST_LOOKUP_ORDER", "from-env");
        assertEquals(Optional.of("from-env"), lookup(false).find(NAME));

        System.setProperty(NAME, "from-system-property");
        assertEquals(Optional.of("from-system-property"), lookup(false).find(NAME));
    }

    @Test
    void microProfileConfigComesFirstWhenPresent() {
        System.setProperty(NAME, "from-system-property");
        microProfile.put(NAME, "from-microprofile");
        assertEquals(Optional.of("from-microprofile"), lookup(true).find(NAME));
        microProfile.clear();
        assertEquals(Optional.of("from-system-property"), lookup(true).find(NAME));
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        env.put("agent_test_lookup_order", "lower-case");
        assertEquals(Optional.of("lower-case"), lookup(false).find(NAME));
        env.put(NAME, "exact");
        assertEquals(Optional.of("exact"), lookup(false).find(NAME));
    }

    @Test
    void applicationJndiEntryIsTheLastPlaceLookedAt() {
        jndi.put("java:app/env/agent/test/lookup-order", "application");
        assertEquals(Optional.of("application"), lookup(false).find(NAME));
        jndi.put("java:comp/env/agent/test/lookup-order", "component");
        assertEquals(Optional.of("component"), lookup(false).find(NAME));
    }

    @Test
    void anEmptyValueIsNotSetAndTheNextSourceAnswers() {
        System.setProperty(NAME, "");
        env.put("AGENT_TEST_LOOKUP_ORDER", "from-env");
        assertEquals(Optional.of("from-env"), lookup(false).find(NAME));
        env.clear();
        assertTrue(lookup(false).find(NAME).isEmpty());
    }

    @Test
    void apiWithoutImplementationFallsBackWithoutFailing() {
        // The test class path has the MicroProfile Config API but no implementation: GlassFish 7's situation.
        assertFalse(SettingLookup.microProfileConfig(getClass().getClassLoader()).isPresent());
        System.setProperty(NAME, "works");
        assertEquals(Optional.of("works"), SettingLookup.value(NAME));
    }

    @Test
    void noApiAtAllFallsBackWithoutLoadingTheAdapter() {
        ClassLoader withoutApi = new ClassLoader(null) {
        };
        assertFalse(SettingLookup.microProfileConfig(withoutApi).isPresent());
    }

    @Test
    void valuesConvertOrNameTheSettingThatIsWrong() {
        assertEquals(48, SettingValues.asInt("agent.x", " 48 "));
        assertEquals(Duration.ofMillis(800), SettingValues.asDuration("agent.x", "PT0.8S"));
        assertTrue(SettingValues.asBoolean("agent.x", "TRUE"));
        assertTrue(SettingValues.asBoolean("agent.x", "on"));
        assertFalse(SettingValues.asBoolean("agent.x", "nope"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.asDuration("agent.presence.grace", "60s"));
        assertEquals("setting agent.presence.grace is '60s', not an ISO-8601 duration such as PT30S", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SettingValues.asInt("agent.x", "many"));
    }

    @Test
    void injectionPointsGetTheDefaultOrTheConfiguredValueConverted() throws Exception {
        Setting grace = Annotated.class.getDeclaredField("grace").getAnnotation(Setting.class);
        assertEquals(Duration.ofSeconds(60), SettingProducers.resolve(grace, Duration.class));
        System.setProperty(NAME, "PT5S");
        assertEquals(Duration.ofSeconds(5), SettingProducers.resolve(grace, Duration.class));
        System.setProperty(NAME, "5s");
        assertThrows(IllegalArgumentException.class, () -> SettingProducers.resolve(grace, Duration.class));

        Setting optional = Annotated.class.getDeclaredField("optional").getAnnotation(Setting.class);
        assertEquals(Optional.of("5s"), SettingProducers.resolve(optional,
                Annotated.class.getDeclaredField("optional").getGenericType()));
        System.clearProperty(NAME);
        assertEquals(Optional.empty(), SettingProducers.resolve(optional,
                Annotated.class.getDeclaredField("optional").getGenericType()));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SettingProducers.resolve(optional, String.class));
        assertTrue(missing.getMessage().startsWith("setting " + NAME + " is required"), missing.getMessage());
    }

    static class Annotated {
        @Setting(value = NAME, defaultValue = "PT60S")
        Duration grace;

        @Setting(NAME)
        Optional<String> optional;
    }
}
