package dev.agentconsole.model.organisation;

import dev.agentconsole.model.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The tenant. Every agent, workgroup, visitor and thread belongs to exactly one. */
@Entity
@Table(name = "organisation")
@NamedQuery(name = Organisation.BY_UID, query = "select o from Organisation o where o.uid = :uid")
public class Organisation extends Identified {

    public static final String BY_UID = "Organisation.byUid";

    @Column(nullable = false, length = 200)
    private String name;

    protected Organisation() {
    }

    public Organisation(String uid, String name) {
        super(uid);
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
