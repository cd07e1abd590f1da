package dev.agentconsole.infrastructure.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.time.Duration;
import java.util.Optional;

/** Produces {@link Setting} injection points: the configured value, else the default, converted to the field's type. */
@Dependent
public class SettingProducers {

    @Produces
    @Setting("")
    static Optional<String> optional(InjectionPoint point) {
        Setting setting = settingOf(point);
        return SettingLookup.value(setting.value())
                .or(() -> hasDefault(setting) ? Optional.of(setting.defaultValue()) : Optional.empty());
    }

    @Produces
    @Setting("")
    static String text(InjectionPoint point) {
        return required(point);
    }

    @Produces
    @Setting("")
    static int integer(InjectionPoint point) {
        return SettingValues.asInt(settingOf(point).value(), required(point));
    }

    @Produces
    @Setting("")
    static long longInteger(InjectionPoint point) {
        return SettingValues.asLong(settingOf(point).value(), required(point));
    }

    @Produces
    @Setting("")
    static boolean flag(InjectionPoint point) {
        return SettingValues.asBoolean(settingOf(point).value(), required(point));
    }

    @Produces
    @Setting("")
    static Duration duration(InjectionPoint point) {
        return SettingValues.asDuration(settingOf(point).value(), required(point));
    }

    private static String required(InjectionPoint point) {
        Setting setting = settingOf(point);
        return optional(point).orElseThrow(() -> new IllegalStateException("setting " + setting.value()
                + " is required: set it as a system property, an environment variable or a JNDI entry"));
    }

    private static boolean hasDefault(Setting setting) {
        return !Setting.NO_DEFAULT.equals(setting.defaultValue());
    }

    private static Setting settingOf(InjectionPoint point) {
        return point.getQualifiers().stream().filter(Setting.class::isInstance).map(Setting.class::cast)
                .findFirst().orElseThrow();
    }
}
