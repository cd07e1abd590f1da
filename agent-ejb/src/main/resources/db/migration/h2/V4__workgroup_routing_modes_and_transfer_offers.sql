-- H2. Each workgroup chooses how it routes (least active stays the default); round robin keeps its place in the
-- ring on the workgroup's row, which now carries a version so that routers reading the same place collide.
ALTER TABLE workgroup ADD COLUMN routingmode VARCHAR(16) DEFAULT 'LEAST_ACTIVE' NOT NULL;
ALTER TABLE workgroup ADD COLUMN roundrobincursor VARCHAR(64);
ALTER TABLE workgroup ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;


-- Transfers to an agent are offers the target accepts or declines; the row's state and version decide every race.
CREATE TABLE transfer_offer (
    id BIGINT NOT NULL,
    uid VARCHAR(64) NOT NULL,
    thread_id BIGINT NOT NULL,
    fromagent_id BIGINT NOT NULL,
    toagent_id BIGINT NOT NULL,
    state VARCHAR(16) NOT NULL,
    createdat TIMESTAMP(6) NOT NULL,
    expiresat TIMESTAMP(6) NOT NULL,
    settledat TIMESTAMP(6),
    version BIGINT NOT NULL,
    CONSTRAINT transfer_offer_pkey PRIMARY KEY (id),
    CONSTRAINT transfer_offer_uid_key UNIQUE (uid),
    CONSTRAINT fk_transfer_offer_thread_id FOREIGN KEY (thread_id) REFERENCES chat_thread (id),
    CONSTRAINT fk_transfer_offer_fromagent_id FOREIGN KEY (fromagent_id) REFERENCES agent (id),
    CONSTRAINT fk_transfer_offer_toagent_id FOREIGN KEY (toagent_id) REFERENCES agent (id)
);
-- The expiry sweep looks at pending offers only; an agent's console lists its pending ones.
CREATE INDEX transfer_offer_pending ON transfer_offer (state, expiresat);
CREATE INDEX transfer_offer_thread ON transfer_offer (thread_id, state);
CREATE INDEX transfer_offer_from ON transfer_offer (fromagent_id, state);
CREATE INDEX transfer_offer_to ON transfer_offer (toagent_id, state);
