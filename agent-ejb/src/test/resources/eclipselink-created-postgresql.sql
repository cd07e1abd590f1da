-- A schema as EclipseLink created and extended it before migrations existed (pg_dump -s of such a database):
-- Instants serialised into bytea, client message ids unique per thread only.

CREATE TABLE public.agent (
    id bigint NOT NULL,
    activethreads integer NOT NULL,
    avatar character varying(500),
    lastassignedat bytea,
    maxthreads integer NOT NULL,
    nickname character varying(200) NOT NULL,
    status character varying(16) NOT NULL,
    statuscause character varying(16),
    statuschangedat bytea,
    uid character varying(64) NOT NULL,
    username character varying(200) NOT NULL,
    version bigint,
    organisation_id bigint,
    roles character varying(200)
);

CREATE SEQUENCE public.agent_ids
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE public.agent_workgroup (
    agent_id bigint NOT NULL,
    workgroups_id bigint NOT NULL
);

CREATE TABLE public.chat_thread (
    id bigint NOT NULL,
    acceptedat bytea,
    assignedat bytea,
    closedat bytea,
    createdat bytea NOT NULL,
    lastmessageat bytea,
    lastmessagepreview character varying(200),
    queuedat bytea,
    status character varying(16) NOT NULL,
    topic character varying(200) NOT NULL,
    type character varying(16) NOT NULL,
    uid character varying(64) NOT NULL,
    unreadwhilequeued integer NOT NULL,
    updatedat bytea NOT NULL,
    version bigint,
    agent_id bigint,
    organisation_id bigint,
    visitor_id bigint,
    workgroup_id bigint
);

CREATE TABLE public.ended_session (
    sessionid character varying(64) NOT NULL,
    agentuid character varying(64) NOT NULL,
    endedatmillis bigint NOT NULL,
    validuntilmillis bigint NOT NULL
);

CREATE TABLE public.event_stream_head (
    streamkey character varying(80) NOT NULL,
    lastseq bigint NOT NULL
);

CREATE TABLE public.message (
    id bigint NOT NULL,
    clientmessageid character varying(100) NOT NULL,
    content character varying(4000) NOT NULL,
    createdat bytea NOT NULL,
    senderkind character varying(16) NOT NULL,
    senderuid character varying(64),
    uid character varying(64) NOT NULL,
    thread_id bigint
);

CREATE TABLE public.organisation (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    uid character varying(64) NOT NULL
);

CREATE TABLE public.stream_event (
    id bigint NOT NULL,
    createdat bytea NOT NULL,
    payload text NOT NULL,
    seq bigint NOT NULL,
    skipagentuid character varying(64),
    streamkey character varying(80) NOT NULL,
    type character varying(40) NOT NULL
);

CREATE SEQUENCE public.stream_event_ids
    START WITH 100
    INCREMENT BY 100
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE public.thread_holder (
    id bigint NOT NULL,
    since bytea NOT NULL,
    agent_id bigint,
    thread_id bigint
);

CREATE SEQUENCE public.thread_holder_ids
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE public.unread_count (
    id bigint NOT NULL,
    unread integer NOT NULL,
    version bigint,
    agent_id bigint,
    thread_id bigint
);

CREATE SEQUENCE public.unread_ids
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE public.visitor (
    id bigint NOT NULL,
    avatar character varying(500),
    firstseenat bytea NOT NULL,
    lastseenat bytea NOT NULL,
    nickname character varying(100) NOT NULL,
    notes character varying(4000),
    uid character varying(64) NOT NULL,
    version bigint,
    organisation_id bigint
);

CREATE TABLE public.workgroup (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    uid character varying(64) NOT NULL,
    organisation_id bigint,
    queuecap integer
);

ALTER TABLE ONLY public.agent
    ADD CONSTRAINT agent_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.agent
    ADD CONSTRAINT agent_uid_key UNIQUE (uid);

ALTER TABLE ONLY public.agent_workgroup
    ADD CONSTRAINT agent_workgroup_pkey PRIMARY KEY (agent_id, workgroups_id);

ALTER TABLE ONLY public.chat_thread
    ADD CONSTRAINT chat_thread_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.chat_thread
    ADD CONSTRAINT chat_thread_uid_key UNIQUE (uid);

ALTER TABLE ONLY public.ended_session
    ADD CONSTRAINT ended_session_pkey PRIMARY KEY (sessionid);

ALTER TABLE ONLY public.event_stream_head
    ADD CONSTRAINT event_stream_head_pkey PRIMARY KEY (streamkey);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_sender_client_id UNIQUE (thread_id, senderkind, senderuid, clientmessageid);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_uid_key UNIQUE (uid);

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_uid_key UNIQUE (uid);

ALTER TABLE ONLY public.stream_event
    ADD CONSTRAINT stream_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.thread_holder
    ADD CONSTRAINT thread_holder_once UNIQUE (thread_id, agent_id);

ALTER TABLE ONLY public.thread_holder
    ADD CONSTRAINT thread_holder_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.agent
    ADD CONSTRAINT unq_agent_0 UNIQUE (organisation_id, username);

ALTER TABLE ONLY public.stream_event
    ADD CONSTRAINT unq_stream_event_0 UNIQUE (streamkey, seq);

ALTER TABLE ONLY public.unread_count
    ADD CONSTRAINT unq_unread_count_0 UNIQUE (agent_id, thread_id);

ALTER TABLE ONLY public.unread_count
    ADD CONSTRAINT unread_count_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.visitor
    ADD CONSTRAINT visitor_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.visitor
    ADD CONSTRAINT visitor_uid_key UNIQUE (uid);

ALTER TABLE ONLY public.workgroup
    ADD CONSTRAINT workgroup_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.workgroup
    ADD CONSTRAINT workgroup_uid_key UNIQUE (uid);

CREATE INDEX chat_thread_agent ON public.chat_thread USING btree (agent_id, status);

CREATE INDEX chat_thread_queue ON public.chat_thread USING btree (workgroup_id, status, queuedat);

CREATE INDEX chat_thread_visitor ON public.chat_thread USING btree (visitor_id);

CREATE INDEX ended_session_at ON public.ended_session USING btree (endedatmillis);

CREATE INDEX message_thread_time ON public.message USING btree (thread_id, createdat);

ALTER TABLE ONLY public.agent
    ADD CONSTRAINT fk_agent_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);

ALTER TABLE ONLY public.agent_workgroup
    ADD CONSTRAINT fk_agent_workgroup_agent_id FOREIGN KEY (agent_id) REFERENCES public.agent(id);

ALTER TABLE ONLY public.agent_workgroup
    ADD CONSTRAINT fk_agent_workgroup_workgroups_id FOREIGN KEY (workgroups_id) REFERENCES public.workgroup(id);

ALTER TABLE ONLY public.chat_thread
    ADD CONSTRAINT fk_chat_thread_agent_id FOREIGN KEY (agent_id) REFERENCES public.agent(id);

ALTER TABLE ONLY public.chat_thread
    ADD CONSTRAINT fk_chat_thread_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);

ALTER TABLE ONLY public.chat_thread
    ADD CONSTRAINT fk_chat_thread_visitor_id FOREIGN KEY (visitor_id) REFERENCES public.visitor(id);

ALTER TABLE ONLY public.chat_thread
    ADD CONSTRAINT fk_chat_thread_workgroup_id FOREIGN KEY (workgroup_id) REFERENCES public.workgroup(id);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT fk_message_thread_id FOREIGN KEY (thread_id) REFERENCES public.chat_thread(id);

ALTER TABLE ONLY public.thread_holder
    ADD CONSTRAINT fk_thread_holder_agent_id FOREIGN KEY (agent_id) REFERENCES public.agent(id);

ALTER TABLE ONLY public.thread_holder
    ADD CONSTRAINT fk_thread_holder_thread_id FOREIGN KEY (thread_id) REFERENCES public.chat_thread(id);

ALTER TABLE ONLY public.unread_count
    ADD CONSTRAINT fk_unread_count_agent_id FOREIGN KEY (agent_id) REFERENCES public.agent(id);

ALTER TABLE ONLY public.unread_count
    ADD CONSTRAINT fk_unread_count_thread_id FOREIGN KEY (thread_id) REFERENCES public.chat_thread(id);

ALTER TABLE ONLY public.visitor
    ADD CONSTRAINT fk_visitor_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);

ALTER TABLE ONLY public.workgroup
    ADD CONSTRAINT fk_workgroup_organisation_id FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);

