-- H2. What the supervisor board measures, stored when it happens instead of found again in the messages: when a
-- thread was first handed to an agent (handle time runs from there to close), and when and by whom the visitor was
-- first answered (first-response time). Threads from before this version have none and are left out of the figures.
ALTER TABLE chat_thread ADD COLUMN firstassignedat TIMESTAMP(6);
ALTER TABLE chat_thread ADD COLUMN firstresponseat TIMESTAMP(6);
ALTER TABLE chat_thread ADD COLUMN firstresponder_id BIGINT;
ALTER TABLE chat_thread ADD CONSTRAINT fk_chat_thread_firstresponder_id FOREIGN KEY (firstresponder_id) REFERENCES agent (id);
-- The board reads today's answered and closed threads of one organisation.
CREATE INDEX chat_thread_first_response ON chat_thread (organisation_id, firstresponseat);
CREATE INDEX chat_thread_closed ON chat_thread (organisation_id, closedat);
