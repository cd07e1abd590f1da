package dev.agentconsole.visitor.boundary;

import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.visitor.Visitor;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/** The customer record agents read and annotate; only within the agent's own organisation. */
@Stateless
@Interceptors(ConflictDetector.class)
public class VisitorRecords {

    @Inject
    Records records;

    public VisitorView read(String agentUid, String visitorUid) {
        return VisitorView.of(records.visitorOf(records.agent(agentUid).getOrganisation(), visitorUid));
    }

    /** A concurrent edit of the same record fails with a conflict (optimistic lock), never silently overwrites. */
    public VisitorView edit(String agentUid, String visitorUid, String nickname, String notes) {
        Visitor visitor = records.visitorOf(records.agent(agentUid).getOrganisation(), visitorUid);
        visitor.editRecord(nickname, notes);
        return VisitorView.of(visitor);
    }
}
