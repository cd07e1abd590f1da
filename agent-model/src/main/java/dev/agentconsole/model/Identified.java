package dev.agentconsole.model;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.util.UUID;

/**
 * Surrogate key plus the public uid that leaves the server. SEQUENCE, not IDENTITY: EclipseLink's IDENTITY DDL is
 * rejected by the H2 2.x behind Payara's default data source.
 */
@MappedSuperclass
public abstract class Identified {

    /** The longest uid a record can have (organisation uids come from login tokens, so this is checked there). */
    public static final int MAX_UID_LENGTH = 64;

    @Id
    @SequenceGenerator(name = "agent_ids", sequenceName = "agent_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_ids")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = MAX_UID_LENGTH)
    private String uid;

    /** For JPA: the uid comes from the row (a random one made here was measured at ~1 % of CPU under load). */
    protected Identified() {
    }

    /** A new record: the given uid (imports, demo data), else a random one. */
    protected Identified(String uid) {
        this.uid = uid == null || uid.isBlank() ? UUID.randomUUID().toString() : uid;
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && getClass() == other.getClass() && uid.equals(((Identified) other).uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }
}
