-- Quick replies: canned responses of the whole organisation (owner_id NULL, ownerscope 0) or of one agent
-- (ownerscope = owner_id). The shortcut is unique per scope; ownerscope exists because NULLs never collide in a unique
-- constraint. The constraint's index also serves the console's list (organisation_id, ownerscope IN (0, me)).

CREATE TABLE quick_reply (
    id BIGINT NOT NULL,
    uid VARCHAR(64) NOT NULL,
    organisation_id BIGINT NOT NULL,
    owner_id BIGINT,
    ownerscope BIGINT NOT NULL,
    shortcut VARCHAR(32) NOT NULL,
    content VARCHAR(4000) NOT NULL,
    createdat TIMESTAMP(6) NOT NULL,
    updatedat TIMESTAMP(6) NOT NULL,
    version BIGINT,
    CONSTRAINT quick_reply_pkey PRIMARY KEY (id),
    CONSTRAINT quick_reply_uid_key UNIQUE (uid),
    CONSTRAINT quick_reply_shortcut UNIQUE (organisation_id, ownerscope, shortcut),
    CONSTRAINT fk_quick_reply_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_quick_reply_owner_id FOREIGN KEY (owner_id) REFERENCES agent (id),
    CONSTRAINT quick_reply_scope_is_owner CHECK ((owner_id IS NULL AND ownerscope = 0) OR ownerscope = owner_id)
);
