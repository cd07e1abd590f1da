package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Request bodies are read without the parser's own depth limit (a plain RuntimeException, answered 500) in play. */
class ShallowJsonTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static JsonValue read(String json) {
        return ShallowJson.read(JSON, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Test
    void bodiesNestedDeeperThanTheCapAreMalformed() {
        for (int depth : new int[] {ShallowJson.MAX_DEPTH + 1, 500, 1000, 5000}) {
            ShallowJson.Malformed e = assertThrows(ShallowJson.Malformed.class, () -> read(nested(depth)));
            assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
        }
        assertThrows(ShallowJson.Malformed.class,
                () -> read("{\"content\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
        assertEquals(JSON.createValue(1), unwrap(read(nested(ShallowJson.MAX_DEPTH)), ShallowJson.MAX_DEPTH));
    }

    private static JsonValue unwrap(JsonValue value, int depth) {
        for (int i = 0; i < depth; i++) {
            value = ((JsonObject) value).get("a");
        }
        return value;
    }

    @Test
    void aMemberNamedTwiceIsRefusedWithItsName() {
        ShallowJson.DuplicateMember e = assertThrows(ShallowJson.DuplicateMember.class,
                () -> read("{\"content\":\"a\",\"content\":\"b\",\"clientMessageId\":\"x\"}"));
        assertEquals("content", e.name);
        assertThrows(ShallowJson.DuplicateMember.class, () -> read("{\"a\":[{\"b\":1,\"b\":1}]}"));
        assertEquals(2, ((JsonObject) read("{\"a\":{\"b\":1},\"b\":{\"a\":2}}")).size(), "equal names in other objects");
    }

    @Test
    void ordinaryValuesReadAsBeforeAndTrailingTextIsMalformed() {
        JsonObject body = (JsonObject) read(
                "{\"s\":\"t\\\"x\",\"n\":-1.5,\"i\":3,\"t\":true,\"f\":false,\"z\":null,\"l\":[\"a\",\"b\"],\"o\":{}}");
        assertEquals("t\"x", body.getString("s"));
        assertEquals(-1.5, body.getJsonNumber("n").doubleValue());
        assertEquals(3, body.getInt("i"));
        assertEquals(JsonValue.TRUE, body.get("t"));
        assertEquals(JsonValue.FALSE, body.get("f"));
        assertEquals(JsonValue.NULL, body.get("z"));
        assertEquals(2, body.getJsonArray("l").size());
        assertEquals(0, body.getJsonObject("o").size());
        assertEquals(JSON.createValue("text"), read("\"text\""));
        assertEquals(0, read("[]").asJsonArray().size());
        assertThrows(jakarta.json.JsonException.class, () -> read("{\"content\":\"a\"} {}"));
        assertThrows(jakarta.json.JsonException.class, () -> read(""));
        assertThrows(jakarta.json.JsonException.class, () -> read("{not json"));
    }

    @Test
    void aHugeNumberIsNoWholeNumberAndAnswersAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFalse(StrictJsonReader.isInt((JsonNumber) ((JsonObject) read("{\"n\":1e999999999}")).get("n")));
            assertFalse(StrictJsonReader.isInt((JsonNumber) ((JsonObject) read("{\"n\":-1e999999999}")).get("n")));
        });
        assertTrue(StrictJsonReader.isInt((JsonNumber) ((JsonObject) read("{\"n\":2147483647}")).get("n")));
        assertFalse(StrictJsonReader.isInt((JsonNumber) ((JsonObject) read("{\"n\":2147483648}")).get("n")));
        assertFalse(StrictJsonReader.isInt((JsonNumber) ((JsonObject) read("{\"n\":1.5}")).get("n")));
    }
}
