package dev.agentconsole.infrastructure.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** Converts a setting's text to its type, with an error that names the setting and the value it got. */
public final class SettingValues {

    /** What MicroProfile Config reads as true; everything else is false, as there. */
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");

    private SettingValues() {
    }

    public static int asInt(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, text, "a whole number");
        }
    }

    public static long asLong(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, text, "a whole number");
        }
    }

    public static boolean asBoolean(String name, String text) {
        return TRUE.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    public static Duration asDuration(String name, String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name, text, "an ISO-8601 duration such as PT30S");
        }
    }

    private static IllegalArgumentException invalid(String name, String text, String expected) {
        return new IllegalArgumentException("setting " + name + " is '" + text + "', not " + expected);
    }
}
