package dev.agentconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantAsTimestampTest {

    private final InstantAsTimestamp converter = new InstantAsTimestamp();

    @Test
    void keepsThePointInTimeToTheMicrosecond() {
        Instant at = Instant.parse("2026-11-28T08:43:27.123456Z");
        assertEquals(at, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(at)));
    }

    @Test
    void keepsNothingAsNothing() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
