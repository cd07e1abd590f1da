package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The server's origin rules against the table {@code sdk/origin.js} is tested with (src/test/js/origin.test.mjs). */
class OriginCasesTest {

    @Test
    void everyEntryOfTheSharedTableNormalisesAsInTheBrowser() throws Exception {
        JsonArray cases;
        try (InputStream in = getClass().getResourceAsStream("/origin-cases.json");
                JsonReader reader = Json.createReader(in)) {
            cases = reader.readObject().getJsonArray("cases");
        }
        assertTrue(cases.size() > 40);
        for (JsonValue row : cases) {
            JsonArray pair = row.asJsonArray();
            String entry = pair.getString(0);
            Optional<String> expected = pair.isNull(1) ? Optional.empty() : Optional.of(pair.getString(1));
            assertEquals(expected, BridgeSettings.normaliseOrigin(entry), entry);
        }
    }

    @Test
    void theAllowListKeepsGoodEntriesInOrderOnceAndWarnsOncePerBadEntry() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BridgeSettings.class.getName());
        logger.addHandler(handler);
        try {
            BridgeSettings settings = new BridgeSettings();
            settings.configured = Optional.of("https://b.example:443, *,http://localhost:8080,,HTTPS://B.EXAMPLE,"
                    + "https://a.example/path");
            settings.read();
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of("https://b.example", "http://localhost:8080"), settings.allowedOrigins());
            }
            assertEquals(2, warnings.size(), "one warning per bad entry, at start only");
        } finally {
            logger.removeHandler(handler);
        }
    }
}
