package dev.agentconsole.visitor.boundary;

import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.thread.control.ThreadAccess;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * The customer record agents read and annotate: only an agent that may read one of the visitor's threads, or a
 * supervisor of the organisation (see ThreadReadRule).
 */
@Stateless
@Interceptors(ConflictDetector.class)
public class VisitorRecords {

    @Inject
    Records records;

    @Inject
    ThreadAccess access;

    public VisitorView read(String agentUid, String visitorUid) {
        return VisitorView.of(access.readableVisitor(records.agent(agentUid), visitorUid));
    }

    /** A concurrent edit of the same record fails with a conflict (optimistic lock), never silently overwrites. */
    public VisitorView edit(String agentUid, String visitorUid, String nickname, String notes) {
        Visitor visitor = access.readableVisitor(records.agent(agentUid), visitorUid);
        visitor.editRecord(nickname, notes);
        return VisitorView.of(visitor);
    }
}
