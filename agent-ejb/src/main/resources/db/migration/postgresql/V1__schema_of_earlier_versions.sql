-- The schema as earlier versions left it, when EclipseLink created and extended the tables at start. Idempotent, so
-- it completes a database created by any earlier version (the application baselines such a database at version 0
-- and then runs this) and creates the whole schema in an empty one. Instants are still Java-serialised bytes and
-- client message ids unique per thread here; V2 changes both.

CREATE SEQUENCE IF NOT EXISTS agent_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS stream_event_ids START WITH 100 INCREMENT BY 100;
CREATE SEQUENCE IF NOT EXISTS unread_ids START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS thread_holder_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS organisation (
    id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    uid VARCHAR(64) NOT NULL,
    CONSTRAINT organisation_pkey PRIMARY KEY (id),
    CONSTRAINT organisation_uid_key UNIQUE (uid)
);

CREATE TABLE IF NOT EXISTS workgroup (
    id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    uid VARCHAR(64) NOT NULL,
    organisation_id BIGINT,
    CONSTRAINT workgroup_pkey PRIMARY KEY (id),
    CONSTRAINT workgroup_uid_key UNIQUE (uid),
    CONSTRAINT fk_workgroup_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
ALTER TABLE workgroup ADD COLUMN IF NOT EXISTS queuecap INTEGER;

CREATE TABLE IF NOT EXISTS agent (
    id BIGINT NOT NULL,
    activethreads INTEGER NOT NULL,
    avatar VARCHAR(500),
    lastassignedat BYTEA,
    maxthreads INTEGER NOT NULL,
    nickname VARCHAR(200) NOT NULL,
    status VARCHAR(16) NOT NULL,
    statuscause VARCHAR(16),
    statuschangedat BYTEA,
    uid VARCHAR(64) NOT NULL,
    username VARCHAR(200) NOT NULL,
    version BIGINT,
    organisation_id BIGINT,
    CONSTRAINT agent_pkey PRIMARY KEY (id),
    CONSTRAINT agent_uid_key UNIQUE (uid),
    CONSTRAINT unq_agent_0 UNIQUE (organisation_id, username),
    CONSTRAINT fk_agent_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
ALTER TABLE agent ADD COLUMN IF NOT EXISTS roles VARCHAR(200);

CREATE TABLE IF NOT EXISTS agent_workgroup (
    agent_id BIGINT NOT NULL,
    workgroups_id BIGINT NOT NULL,
    CONSTRAINT agent_workgroup_pkey PRIMARY KEY (agent_id, workgroups_id),
    CONSTRAINT fk_agent_workgroup_agent_id FOREIGN KEY (agent_id) REFERENCES agent (id),
    CONSTRAINT fk_agent_workgroup_workgroups_id FOREIGN KEY (workgroups_id) REFERENCES workgroup (id)
);

CREATE TABLE IF NOT EXISTS visitor (
    id BIGINT NOT NULL,
    avatar VARCHAR(500),
    firstseenat BYTEA NOT NULL,
    lastseenat BYTEA NOT NULL,
    nickname VARCHAR(100) NOT NULL,
    notes VARCHAR(4000),
    uid VARCHAR(64) NOT NULL,
    version BIGINT,
    organisation_id BIGINT,
    CONSTRAINT visitor_pkey PRIMARY KEY (id),
    CONSTRAINT visitor_uid_key UNIQUE (uid),
    CONSTRAINT fk_visitor_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE IF NOT EXISTS chat_thread (
    id BIGINT NOT NULL,
    acceptedat BYTEA,
    assignedat BYTEA,
    closedat BYTEA,
    createdat BYTEA NOT NULL,
    lastmessageat BYTEA,
    lastmessagepreview VARCHAR(200),
    queuedat BYTEA,
    status VARCHAR(16) NOT NULL,
    topic VARCHAR(200) NOT NULL,
    type VARCHAR(16) NOT NULL,
    uid VARCHAR(64) NOT NULL,
    unreadwhilequeued INTEGER NOT NULL,
    updatedat BYTEA NOT NULL,
    version BIGINT,
    agent_id BIGINT,
    organisation_id BIGINT,
    visitor_id BIGINT,
    workgroup_id BIGINT,
    CONSTRAINT chat_thread_pkey PRIMARY KEY (id),
    CONSTRAINT chat_thread_uid_key UNIQUE (uid),
    CONSTRAINT fk_chat_thread_agent_id FOREIGN KEY (agent_id) REFERENCES agent (id),
    CONSTRAINT fk_chat_thread_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_chat_thread_visitor_id FOREIGN KEY (visitor_id) REFERENCES visitor (id),
    CONSTRAINT fk_chat_thread_workgroup_id FOREIGN KEY (workgroup_id) REFERENCES workgroup (id)
);
CREATE INDEX IF NOT EXISTS chat_thread_agent ON chat_thread (agent_id, status);
CREATE INDEX IF NOT EXISTS chat_thread_queue ON chat_thread (workgroup_id, status, queuedat);
CREATE INDEX IF NOT EXISTS chat_thread_visitor ON chat_thread (visitor_id);

CREATE TABLE IF NOT EXISTS thread_holder (
    id BIGINT NOT NULL,
    since BYTEA NOT NULL,
    agent_id BIGINT,
    thread_id BIGINT,
    CONSTRAINT thread_holder_pkey PRIMARY KEY (id),
    CONSTRAINT thread_holder_once UNIQUE (thread_id, agent_id),
    CONSTRAINT fk_thread_holder_agent_id FOREIGN KEY (agent_id) REFERENCES agent (id),
    CONSTRAINT fk_thread_holder_thread_id FOREIGN KEY (thread_id) REFERENCES chat_thread (id)
);

CREATE TABLE IF NOT EXISTS unread_count (
    id BIGINT NOT NULL,
    unread INTEGER NOT NULL,
    version BIGINT,
    agent_id BIGINT,
    thread_id BIGINT,
    CONSTRAINT unread_count_pkey PRIMARY KEY (id),
    CONSTRAINT unq_unread_count_0 UNIQUE (agent_id, thread_id),
    CONSTRAINT fk_unread_count_agent_id FOREIGN KEY (agent_id) REFERENCES agent (id),
    CONSTRAINT fk_unread_count_thread_id FOREIGN KEY (thread_id) REFERENCES chat_thread (id)
);

CREATE TABLE IF NOT EXISTS message (
    id BIGINT NOT NULL,
    clientmessageid VARCHAR(100) NOT NULL,
    content VARCHAR(4000) NOT NULL,
    createdat BYTEA NOT NULL,
    senderkind VARCHAR(16) NOT NULL,
    senderuid VARCHAR(64),
    uid VARCHAR(64) NOT NULL,
    thread_id BIGINT,
    CONSTRAINT message_pkey PRIMARY KEY (id),
    CONSTRAINT message_uid_key UNIQUE (uid),
    CONSTRAINT message_client_id UNIQUE (thread_id, clientmessageid),
    CONSTRAINT fk_message_thread_id FOREIGN KEY (thread_id) REFERENCES chat_thread (id)
);
CREATE INDEX IF NOT EXISTS message_thread_time ON message (thread_id, createdat);

CREATE TABLE IF NOT EXISTS stream_event (
    id BIGINT NOT NULL,
    createdat BYTEA NOT NULL,
    payload TEXT NOT NULL,
    seq BIGINT NOT NULL,
    skipagentuid VARCHAR(64),
    streamkey VARCHAR(80) NOT NULL,
    type VARCHAR(40) NOT NULL,
    CONSTRAINT stream_event_pkey PRIMARY KEY (id),
    CONSTRAINT unq_stream_event_0 UNIQUE (streamkey, seq)
);

CREATE TABLE IF NOT EXISTS event_stream_head (
    streamkey VARCHAR(80) NOT NULL,
    lastseq BIGINT NOT NULL,
    CONSTRAINT event_stream_head_pkey PRIMARY KEY (streamkey)
);

CREATE TABLE IF NOT EXISTS ended_session (
    sessionid VARCHAR(64) NOT NULL,
    agentuid VARCHAR(64) NOT NULL,
    endedatmillis BIGINT NOT NULL,
    validuntilmillis BIGINT NOT NULL,
    CONSTRAINT ended_session_pkey PRIMARY KEY (sessionid)
);
CREATE INDEX IF NOT EXISTS ended_session_at ON ended_session (endedatmillis);
