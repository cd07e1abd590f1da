package dev.agentconsole.infrastructure.persistence;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Finds records by public uid inside the caller's transaction. Lookups scoped to an organisation answer "not found" for
 * another tenant's records, so their existence does not leak.
 */
@Dependent
public class Records {

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    public Agent agent(String uid) {
        return single(Agent.class, Agent.BY_UID, uid, "agent");
    }

    public Organisation organisation(String uid) {
        return single(Organisation.class, Organisation.BY_UID, uid, "organisation");
    }

    public ChatThread thread(String uid) {
        return single(ChatThread.class, ChatThread.BY_UID, uid, "thread");
    }

    public Workgroup workgroup(String uid) {
        return single(Workgroup.class, Workgroup.BY_UID, uid, "workgroup");
    }

    public Visitor visitor(String uid) {
        return single(Visitor.class, Visitor.BY_UID, uid, "visitor");
    }

    public ChatThread threadOf(Organisation organisation, String uid) {
        ChatThread thread = thread(uid);
        requireSameOrganisation(organisation, thread.getOrganisation(), "thread", uid);
        return thread;
    }

    /**
     * The thread with its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}): messages appended to
     * one thread queue up behind each other instead of failing on its version and being retried.
     */
    public ChatThread threadForAppend(Organisation organisation, String uid) {
        ChatThread thread = single(ChatThread.class, ChatThread.BY_UID, uid, "thread", LockModeType.PESSIMISTIC_WRITE);
        requireSameOrganisation(organisation, thread.getOrganisation(), "thread", uid);
        return thread;
    }

    /** The thread with its row locked, for the system's own changes (no caller whose tenant would scope it). */
    public ChatThread threadForUpdate(String uid) {
        return single(ChatThread.class, ChatThread.BY_UID, uid, "thread", LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The workgroup with its row locked until the transaction ends: visitor starts in one workgroup take turns, so the
     * count of its queue that each one checks against the cap includes every start committed before it (on every
     * cluster member: the lock is the database's).
     */
    public Workgroup workgroupForQueueing(String uid) {
        return single(Workgroup.class, Workgroup.BY_UID, uid, "workgroup", LockModeType.PESSIMISTIC_WRITE);
    }

    /** A thread as its visitor may see it: another visitor's thread is "not found". */
    public ChatThread threadOfVisitor(String visitorUid, String uid) {
        return requireVisitor(thread(uid), visitorUid, uid);
    }

    /** {@link #threadOfVisitor} with the row locked, as {@link #threadForAppend}. */
    public ChatThread threadOfVisitorForAppend(String visitorUid, String uid) {
        return requireVisitor(single(ChatThread.class, ChatThread.BY_UID, uid, "thread",
                LockModeType.PESSIMISTIC_WRITE), visitorUid, uid);
    }

    private static ChatThread requireVisitor(ChatThread thread, String visitorUid, String uid) {
        if (!thread.getVisitor().getUid().equals(visitorUid)) {
            throw new RecordNotFoundException("thread", uid);
        }
        return thread;
    }

    public Visitor visitorOf(Organisation organisation, String uid) {
        Visitor visitor = visitor(uid);
        requireSameOrganisation(organisation, visitor.getOrganisation(), "visitor", uid);
        return visitor;
    }

    public Agent agentOf(Organisation organisation, String uid) {
        Agent agent = agent(uid);
        requireSameOrganisation(organisation, agent.getOrganisation(), "agent", uid);
        return agent;
    }

    public Workgroup workgroupOf(Organisation organisation, String uid) {
        Workgroup workgroup = workgroup(uid);
        requireSameOrganisation(organisation, workgroup.getOrganisation(), "workgroup", uid);
        return workgroup;
    }

    public List<Agent> membersOf(Workgroup workgroup) {
        return em.createNamedQuery(Agent.OF_WORKGROUP, Agent.class).setParameter("workgroup", workgroup).getResultList();
    }

    private <T> T single(Class<T> type, String query, String uid, String kind) {
        return single(type, query, uid, kind, LockModeType.NONE);
    }

    private <T> T single(Class<T> type, String query, String uid, String kind, LockModeType lock) {
        if (uid == null || uid.isBlank()) {
            throw new RecordNotFoundException(kind, String.valueOf(uid));
        }
        List<T> found = em.createNamedQuery(query, type).setParameter("uid", uid).setLockMode(lock).getResultList();
        if (found.isEmpty()) {
            throw new RecordNotFoundException(kind, uid);
        }
        return found.get(0);
    }

    private static void requireSameOrganisation(Organisation expected, Organisation actual, String kind, String uid) {
        if (!expected.equals(actual)) {
            throw new RecordNotFoundException(kind, uid);
        }
    }
}
