-- Instants become TIMESTAMP WITH TIME ZONE (they were Java-serialised java.time.Instant bytes, which no one could
-- query or sort). A serialised Instant ends with its epoch seconds (8 bytes) and nanoseconds (4 bytes) followed by
-- one end-of-block byte; the function below reads those, so existing rows keep their times (to the microsecond).

CREATE FUNCTION pg_temp.serialised_instant(value BYTEA) RETURNS TIMESTAMP WITH TIME ZONE AS $$
    SELECT TIMESTAMP WITH TIME ZONE 'epoch'
        + ('x' || encode(substring(value FROM length(value) - 12 FOR 8), 'hex'))::BIT(64)::BIGINT * INTERVAL '1 second'
        + (('x' || encode(substring(value FROM length(value) - 4 FOR 4), 'hex'))::BIT(32)::INTEGER / 1000)
            * INTERVAL '1 microsecond'
$$ LANGUAGE SQL IMMUTABLE STRICT;

ALTER TABLE agent
    ALTER COLUMN statuschangedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(statuschangedat),
    ALTER COLUMN lastassignedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(lastassignedat);

ALTER TABLE visitor
    ALTER COLUMN firstseenat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(firstseenat),
    ALTER COLUMN lastseenat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(lastseenat);

ALTER TABLE chat_thread
    ALTER COLUMN createdat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(createdat),
    ALTER COLUMN updatedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(updatedat),
    ALTER COLUMN queuedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(queuedat),
    ALTER COLUMN assignedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(assignedat),
    ALTER COLUMN acceptedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(acceptedat),
    ALTER COLUMN closedat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(closedat),
    ALTER COLUMN lastmessageat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(lastmessageat);

ALTER TABLE thread_holder
    ALTER COLUMN since TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(since);

ALTER TABLE message
    ALTER COLUMN createdat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(createdat);

ALTER TABLE stream_event
    ALTER COLUMN createdat TYPE TIMESTAMP(6) WITH TIME ZONE USING pg_temp.serialised_instant(createdat);

DROP FUNCTION pg_temp.serialised_instant(BYTEA);

-- A client message id is unique per thread and sender (a visitor's id must not block the agent's). Versions that
-- replaced the constraint at start may already have the new one; it is rebuilt either way.
ALTER TABLE message DROP CONSTRAINT IF EXISTS message_client_id;
ALTER TABLE message DROP CONSTRAINT IF EXISTS message_sender_client_id;
ALTER TABLE message ADD CONSTRAINT message_sender_client_id UNIQUE (thread_id, senderkind, senderuid, clientmessageid);
