package dev.agentconsole.infrastructure.persistence;

import jakarta.ejb.ApplicationException;

/** The uid names nothing the caller may see (also used for another organisation's records, so they stay invisible). */
@ApplicationException(rollback = true)
public class RecordNotFoundException extends RuntimeException {

    private final String kind;

    public RecordNotFoundException(String kind, String uid) {
        super(kind + " not found: " + uid);
        this.kind = kind;
    }

    public String getKind() {
        return kind;
    }
}
