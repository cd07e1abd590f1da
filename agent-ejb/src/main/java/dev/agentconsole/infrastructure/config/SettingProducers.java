package dev.agentconsole.infrastructure.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;

/** Produces {@link Setting} injection points: the configured value, else the default, converted to the field's type. */
@Dependent
public class SettingProducers {

    @Produces
    @Setting("")
    static Optional<String> optional(InjectionPoint point) {
        return optional(settingOf(point));
    }

    @Produces
    @Setting("")
    static String text(InjectionPoint point) {
        return required(settingOf(point));
    }

    @Produces
    @Setting("")
    static int integer(InjectionPoint point) {
        return (int) resolve(settingOf(point), int.class);
    }

    @Produces
    @Setting("")
    static long longInteger(InjectionPoint point) {
        return (long) resolve(settingOf(point), long.class);
    }

    @Produces
    @Setting("")
    static boolean flag(InjectionPoint point) {
        return (boolean) resolve(settingOf(point), boolean.class);
    }

    @Produces
    @Setting("")
    static Duration duration(InjectionPoint point) {
        return (Duration) resolve(settingOf(point), Duration.class);
    }

    /**
     * The setting's value as the given type; throws naming the setting when it is missing (and has no default) or
     * cannot be converted. Also used to check every injection point at start.
     */
    public static Object resolve(Setting setting, Type type) {
        String name = setting.value();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return optional(setting);
        }
        if (type == String.class) {
            return required(setting);
        }
        if (type == int.class || type == Integer.class) {
            return SettingValues.asInt(name, required(setting));
        }
        if (type == long.class || type == Long.class) {
            return SettingValues.asLong(name, required(setting));
        }
        if (type == boolean.class || type == Boolean.class) {
            return SettingValues.asBoolean(name, required(setting));
        }
        if (type == Duration.class) {
            return SettingValues.asDuration(name, required(setting));
        }
        throw new IllegalArgumentException("setting " + name + ": no conversion to " + type.getTypeName());
    }

    private static Optional<String> optional(Setting setting) {
        return SettingLookup.value(setting.value())
                .or(() -> hasDefault(setting) ? Optional.of(setting.defaultValue()) : Optional.empty());
    }

    private static String required(Setting setting) {
        return optional(setting).orElseThrow(() -> new IllegalStateException("setting " + setting.value()
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
