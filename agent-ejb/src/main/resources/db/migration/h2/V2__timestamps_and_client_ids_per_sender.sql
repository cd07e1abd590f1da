-- H2. Instants become TIMESTAMP (they were Java-serialised java.time.Instant bytes, which no one could query or
-- sort): the server's local time, as H2's driver reads and writes java.sql.Timestamp in the JVM's time zone (a zoned
-- column would come back as OffsetDateTime, which the application's converter does not take). A serialised Instant
-- ends with its epoch seconds (8 bytes) and nanoseconds (4 bytes) followed by one end-of-block byte; each column is
-- copied through those (and the session's time zone, the JVM's) into a new column that then takes its place. H2 cannot
-- change a column's type with a conversion expression, nor drop a column an index uses: the two indexes on converted
-- columns are dropped first and created again at the end.

DROP INDEX IF EXISTS chat_thread_queue;
DROP INDEX IF EXISTS message_thread_time;

ALTER TABLE agent ADD COLUMN statuschangedat_new TIMESTAMP(6);
UPDATE agent SET statuschangedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(statuschangedat FROM OCTET_LENGTH(statuschangedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(statuschangedat FROM OCTET_LENGTH(statuschangedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE agent DROP COLUMN statuschangedat;
ALTER TABLE agent ALTER COLUMN statuschangedat_new RENAME TO statuschangedat;

ALTER TABLE agent ADD COLUMN lastassignedat_new TIMESTAMP(6);
UPDATE agent SET lastassignedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(lastassignedat FROM OCTET_LENGTH(lastassignedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(lastassignedat FROM OCTET_LENGTH(lastassignedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE agent DROP COLUMN lastassignedat;
ALTER TABLE agent ALTER COLUMN lastassignedat_new RENAME TO lastassignedat;

ALTER TABLE visitor ADD COLUMN firstseenat_new TIMESTAMP(6);
UPDATE visitor SET firstseenat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(firstseenat FROM OCTET_LENGTH(firstseenat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(firstseenat FROM OCTET_LENGTH(firstseenat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE visitor DROP COLUMN firstseenat;
ALTER TABLE visitor ALTER COLUMN firstseenat_new RENAME TO firstseenat;
ALTER TABLE visitor ALTER COLUMN firstseenat SET NOT NULL;

ALTER TABLE visitor ADD COLUMN lastseenat_new TIMESTAMP(6);
UPDATE visitor SET lastseenat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(lastseenat FROM OCTET_LENGTH(lastseenat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(lastseenat FROM OCTET_LENGTH(lastseenat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE visitor DROP COLUMN lastseenat;
ALTER TABLE visitor ALTER COLUMN lastseenat_new RENAME TO lastseenat;
ALTER TABLE visitor ALTER COLUMN lastseenat SET NOT NULL;

ALTER TABLE chat_thread ADD COLUMN createdat_new TIMESTAMP(6);
UPDATE chat_thread SET createdat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(createdat FROM OCTET_LENGTH(createdat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(createdat FROM OCTET_LENGTH(createdat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN createdat;
ALTER TABLE chat_thread ALTER COLUMN createdat_new RENAME TO createdat;
ALTER TABLE chat_thread ALTER COLUMN createdat SET NOT NULL;

ALTER TABLE chat_thread ADD COLUMN updatedat_new TIMESTAMP(6);
UPDATE chat_thread SET updatedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(updatedat FROM OCTET_LENGTH(updatedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(updatedat FROM OCTET_LENGTH(updatedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN updatedat;
ALTER TABLE chat_thread ALTER COLUMN updatedat_new RENAME TO updatedat;
ALTER TABLE chat_thread ALTER COLUMN updatedat SET NOT NULL;

ALTER TABLE chat_thread ADD COLUMN queuedat_new TIMESTAMP(6);
UPDATE chat_thread SET queuedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(queuedat FROM OCTET_LENGTH(queuedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(queuedat FROM OCTET_LENGTH(queuedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN queuedat;
ALTER TABLE chat_thread ALTER COLUMN queuedat_new RENAME TO queuedat;

ALTER TABLE chat_thread ADD COLUMN assignedat_new TIMESTAMP(6);
UPDATE chat_thread SET assignedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(assignedat FROM OCTET_LENGTH(assignedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(assignedat FROM OCTET_LENGTH(assignedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN assignedat;
ALTER TABLE chat_thread ALTER COLUMN assignedat_new RENAME TO assignedat;

ALTER TABLE chat_thread ADD COLUMN acceptedat_new TIMESTAMP(6);
UPDATE chat_thread SET acceptedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(acceptedat FROM OCTET_LENGTH(acceptedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(acceptedat FROM OCTET_LENGTH(acceptedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN acceptedat;
ALTER TABLE chat_thread ALTER COLUMN acceptedat_new RENAME TO acceptedat;

ALTER TABLE chat_thread ADD COLUMN closedat_new TIMESTAMP(6);
UPDATE chat_thread SET closedat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(closedat FROM OCTET_LENGTH(closedat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(closedat FROM OCTET_LENGTH(closedat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN closedat;
ALTER TABLE chat_thread ALTER COLUMN closedat_new RENAME TO closedat;

ALTER TABLE chat_thread ADD COLUMN lastmessageat_new TIMESTAMP(6);
UPDATE chat_thread SET lastmessageat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(lastmessageat FROM OCTET_LENGTH(lastmessageat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(lastmessageat FROM OCTET_LENGTH(lastmessageat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE chat_thread DROP COLUMN lastmessageat;
ALTER TABLE chat_thread ALTER COLUMN lastmessageat_new RENAME TO lastmessageat;

ALTER TABLE thread_holder ADD COLUMN since_new TIMESTAMP(6);
UPDATE thread_holder SET since_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(since FROM OCTET_LENGTH(since) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(since FROM OCTET_LENGTH(since) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE thread_holder DROP COLUMN since;
ALTER TABLE thread_holder ALTER COLUMN since_new RENAME TO since;
ALTER TABLE thread_holder ALTER COLUMN since SET NOT NULL;

ALTER TABLE message ADD COLUMN createdat_new TIMESTAMP(6);
UPDATE message SET createdat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(createdat FROM OCTET_LENGTH(createdat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(createdat FROM OCTET_LENGTH(createdat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE message DROP COLUMN createdat;
ALTER TABLE message ALTER COLUMN createdat_new RENAME TO createdat;
ALTER TABLE message ALTER COLUMN createdat SET NOT NULL;

ALTER TABLE stream_event ADD COLUMN createdat_new TIMESTAMP(6);
UPDATE stream_event SET createdat_new = CAST(DATEADD(MICROSECOND, CAST(SUBSTRING(createdat FROM OCTET_LENGTH(createdat) - 4 FOR 4) AS INTEGER) / 1000,
    DATEADD(SECOND, CAST(SUBSTRING(createdat FROM OCTET_LENGTH(createdat) - 12 FOR 8) AS BIGINT),
        TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')) AS TIMESTAMP(6));
ALTER TABLE stream_event DROP COLUMN createdat;
ALTER TABLE stream_event ALTER COLUMN createdat_new RENAME TO createdat;
ALTER TABLE stream_event ALTER COLUMN createdat SET NOT NULL;

CREATE INDEX chat_thread_queue ON chat_thread (workgroup_id, status, queuedat);
CREATE INDEX message_thread_time ON message (thread_id, createdat);

-- A client message id is unique per thread and sender (a visitor's id must not block the agent's). Versions that
-- replaced the constraint at start may already have the new one; it is rebuilt either way.
ALTER TABLE message DROP CONSTRAINT IF EXISTS message_client_id;
ALTER TABLE message DROP CONSTRAINT IF EXISTS message_sender_client_id;
ALTER TABLE message ADD CONSTRAINT message_sender_client_id UNIQUE (thread_id, senderkind, senderuid, clientmessageid);
