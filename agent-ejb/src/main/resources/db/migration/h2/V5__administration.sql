-- H2. Administration (issue 10): an agent can be disabled by an administrator, and every administrator's change is
-- kept in an audit table of its own (event stream rows are pruned; an audit trail is not).

ALTER TABLE agent ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE admin_audit_ids START WITH 50 INCREMENT BY 50;

CREATE TABLE admin_audit (
    id BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    actoruid VARCHAR(64) NOT NULL,
    action VARCHAR(40) NOT NULL,
    targetuid VARCHAR(64) NOT NULL,
    detail VARCHAR(8000) NOT NULL,
    occurredat TIMESTAMP(6) NOT NULL,
    CONSTRAINT admin_audit_pkey PRIMARY KEY (id),
    CONSTRAINT fk_admin_audit_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX admin_audit_organisation_at ON admin_audit (organisation_id, occurredat);
