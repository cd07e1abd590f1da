package dev.agentconsole.quickreply.control;

import dev.agentconsole.infrastructure.persistence.ConflictDetector;
import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.PermissionDeniedException;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.quickreply.QuickReply;
import dev.agentconsole.model.quickreply.QuickReplyScope;
import dev.agentconsole.quickreply.boundary.QuickReplyList;
import dev.agentconsole.quickreply.boundary.QuickReplyView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** One transaction per read or change of quick replies; the rights are checked before anything changes. */
@Stateless
@Interceptors(ConflictDetector.class)
public class QuickReplyChanges {

    /** The console loads all of an agent's replies at once, so each scope is kept to a list it can hold. */
    static final int MAX_PERSONAL = 200;
    static final int MAX_ORGANISATION = 500;

    @PersistenceContext(unitName = "agent")
    EntityManager em;

    @Inject
    Records records;

    public QuickReplyList visibleTo(String agentUid) {
        Agent agent = records.agent(agentUid);
        List<QuickReplyView> replies = em.createNamedQuery(QuickReply.VISIBLE_TO, QuickReply.class)
                .setParameter("organisation", agent.getOrganisation())
                .setParameter("agentId", agent.getId())
                .getResultList().stream()
                .map(reply -> QuickReplyView.of(reply, QuickReplyRights.mayChange(agent, reply)))
                .toList();
        return new QuickReplyList(replies, QuickReplyRights.mayManageOrganisationReplies(agent));
    }

    public QuickReplyView read(String agentUid, String uid) {
        Agent agent = records.agent(agentUid);
        QuickReply reply = visible(agent, uid);
        return QuickReplyView.of(reply, QuickReplyRights.mayChange(agent, reply));
    }

    public QuickReplyView create(String agentUid, QuickReplyScope scope, String shortcut, String content) {
        Agent agent = records.agent(agentUid);
        Agent owner = scope == QuickReplyScope.ORGANISATION ? null : agent;
        if (owner == null && !QuickReplyRights.mayManageOrganisationReplies(agent)) {
            throw new PermissionDeniedException("organisation quick replies are kept by supervisors and administrators");
        }
        long inScope = em.createNamedQuery(QuickReply.COUNT_IN_SCOPE, Long.class)
                .setParameter("organisation", agent.getOrganisation())
                .setParameter("scope", QuickReply.scopeOf(owner))
                .getSingleResult();
        int limit = owner == null ? MAX_ORGANISATION : MAX_PERSONAL;
        if (inScope >= limit) {
            throw new DomainRuleException("too_many_quick_replies", "at most " + limit + " quick replies here");
        }
        Instant now = Instant.now();
        QuickReply reply = owner == null
                ? QuickReply.forOrganisation(agent.getOrganisation(), shortcut, content, now)
                : QuickReply.personal(owner, shortcut, content, now);
        requireFreeShortcut(reply.getOrganisation(), reply.getOwnerScope(), reply.getShortcut(), "");
        em.persist(reply);
        em.flush();
        return QuickReplyView.of(reply, true);
    }

    /** {@code expectedVersion} is the version the editor started from: a newer one means its edit would be lost. */
    public QuickReplyView edit(String agentUid, String uid, long expectedVersion, String shortcut, String content) {
        Agent agent = records.agent(agentUid);
        QuickReply reply = changeable(agent, uid);
        if (reply.getVersion() != expectedVersion) {
            throw new DomainRuleException("stale_version", "the quick reply was changed meanwhile (now version "
                    + reply.getVersion() + "); load it again");
        }
        // Checked before the entity changes: the query would otherwise flush the change first and fail on the
        // unique constraint instead of answering shortcut_taken.
        requireFreeShortcut(reply.getOrganisation(), reply.getOwnerScope(), QuickReply.normalisedShortcut(shortcut),
                reply.getUid());
        reply.edit(shortcut, content, Instant.now());
        em.flush();
        return QuickReplyView.of(reply, true);
    }

    public void delete(String agentUid, String uid) {
        em.remove(changeable(records.agent(agentUid), uid));
    }

    private QuickReply changeable(Agent agent, String uid) {
        QuickReply reply = visible(agent, uid);
        if (!QuickReplyRights.mayChange(agent, reply)) {
            throw new PermissionDeniedException("organisation quick replies are kept by supervisors and administrators");
        }
        return reply;
    }

    private QuickReply visible(Agent agent, String uid) {
        List<QuickReply> found = uid == null || uid.isBlank() ? List.of()
                : em.createNamedQuery(QuickReply.BY_UID, QuickReply.class).setParameter("uid", uid).getResultList();
        if (found.isEmpty() || !QuickReplyRights.maySee(agent, found.get(0))) {
            throw new RecordNotFoundException("quick_reply", String.valueOf(uid));
        }
        return found.get(0);
    }

    /** A racing insert of the same shortcut fails on the unique constraint instead, and is retried to land here. */
    private void requireFreeShortcut(Organisation organisation, long scope, String shortcut, String except) {
        long taken = em.createNamedQuery(QuickReply.SHORTCUT_IN_SCOPE, Long.class)
                .setParameter("organisation", organisation)
                .setParameter("scope", scope)
                .setParameter("shortcut", shortcut)
                .setParameter("except", except)
                .getSingleResult();
        if (taken > 0) {
            throw new DomainRuleException("shortcut_taken", "/" + shortcut + " is already a quick reply in this scope");
        }
    }
}
