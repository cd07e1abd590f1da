-- Which cluster member has a console of which agent open, and when each member last said it is alive: a member
-- whose last console of an agent closed marks the agent disconnected only if no live member still has one.
CREATE TABLE cluster_member (
    memberid VARCHAR(64) NOT NULL,
    seenatmillis BIGINT NOT NULL,
    CONSTRAINT cluster_member_pkey PRIMARY KEY (memberid)
);
CREATE TABLE console_presence (
    presencekey VARCHAR(140) NOT NULL,
    agentuid VARCHAR(64) NOT NULL,
    memberid VARCHAR(64) NOT NULL,
    sincemillis BIGINT NOT NULL,
    CONSTRAINT console_presence_pkey PRIMARY KEY (presencekey)
);
CREATE INDEX console_presence_agent ON console_presence (agentuid);
