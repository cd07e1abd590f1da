-- H2. Each workgroup chooses how it routes (least active stays the default); round robin keeps its place in the
-- ring on the workgroup's row, which now carries a version so that routers reading the same place collide.
ALTER TABLE workgroup ADD COLUMN routingmode VARCHAR(16) DEFAULT 'LEAST_ACTIVE' NOT NULL;
ALTER TABLE workgroup ADD COLUMN roundrobincursor VARCHAR(64);
ALTER TABLE workgroup ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

