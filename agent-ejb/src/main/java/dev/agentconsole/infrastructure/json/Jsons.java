package dev.agentconsole.infrastructure.json;

import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * The one JSON-P provider of the application. Every {@code Json.create...} call looks the provider up again through
 * {@code ServiceLoader}, which scans the class path: measured at ~40 % of CPU under message load. Looked up once here.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject start) {
        return PROVIDER.createObjectBuilder(start);
    }

    public static JsonArrayBuilder array(java.util.Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    private static JsonReader reader(StringReader text) {
        return PROVIDER.createReader(text);
    }

    public static JsonObject parseObject(String text) {
        try (JsonReader reader = reader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Adds {@code value} under {@code name}, or JSON {@code null} when it is null (the builder refuses a Java null). */
    public static JsonObjectBuilder addNullable(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder.addNull(name) : builder.add(name, value);
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        return PROVIDER.createValue(text).toString();
    }
}
