-- Idle auto-close. A thread keeps the time at which the idle sweep closes it unless someone writes or acts before
-- (null once it is closed), and why it was closed. A workgroup may have its own idle time (seconds; null follows
-- agent.thread.idle-close). The sweep reads threads past their deadline through a partial index that holds open
-- threads only, so its cost follows the open threads, not the history.

ALTER TABLE chat_thread ADD COLUMN closereason VARCHAR(16);
ALTER TABLE chat_thread ADD COLUMN idlecloseat TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE workgroup ADD COLUMN idlecloseseconds INTEGER;

-- Threads open at the upgrade get the default idle time (25 minutes) from their last change; the next message or
-- action sets their deadline from the workgroup's idle time as usual.
UPDATE chat_thread SET idlecloseat = updatedat + INTERVAL '25 minutes' WHERE status <> 'CLOSED';

CREATE INDEX chat_thread_idle_close ON chat_thread (idlecloseat) WHERE idlecloseat IS NOT NULL;
