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

    @Id
    @SequenceGenerator(name = "agent_ids", sequenceName = "agent_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_ids")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 64)
    private String uid;

    protected Identified() {
        this.uid = UUID.randomUUID().toString();
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    /** Lets imports and demo data keep a stable, readable uid. */
    protected void assignUid(String uid) {
        if (uid != null && !uid.isBlank()) {
            this.uid = uid;
        }
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
