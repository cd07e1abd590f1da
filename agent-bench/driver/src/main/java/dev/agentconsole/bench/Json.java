package dev.agentconsole.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** JSON-P through one provider instance: looking the provider up per call scans the class path each time. */
final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The string member, or null when absent, null or not a string. */
    static String string(JsonObject object, String name) {
        return object != null && object.get(name) instanceof jakarta.json.JsonString value ? value.getString() : null;
    }

    /** A JSON string literal; the harness only sends its own ASCII text, so escaping quotes and backslashes is enough. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
