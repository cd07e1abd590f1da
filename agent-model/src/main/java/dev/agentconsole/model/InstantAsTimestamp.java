package dev.agentconsole.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores every {@link Instant} as a JDBC {@link Timestamp}. EclipseLink 4.0 (Payara 6) has no mapping of its own for
 * Instant and would store it Java-serialised. On PostgreSQL the column is {@code TIMESTAMP WITH TIME ZONE}, which the
 * driver writes and reads as the same point in time whatever the JVM's zone. On H2 it is a plain {@code TIMESTAMP}:
 * H2's driver returns zoned columns as OffsetDateTime, which EclipseLink hands to a converter unconverted.
 */
@Converter(autoApply = true)
public class InstantAsTimestamp implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
