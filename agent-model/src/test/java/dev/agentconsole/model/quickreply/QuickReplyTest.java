package dev.agentconsole.model.quickreply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.Identified;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.organisation.Organisation;
import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a quick reply accepts, and the scope key its shortcut is unique in. */
class QuickReplyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Organisation org = new Organisation("org", "Org");

    @Test
    void shortcutsAreTrimmedAndLowerCasedInAnyScript() {
        assertEquals("greet", QuickReply.normalisedShortcut("  Greet "));
        assertEquals("问候", QuickReply.normalisedShortcut("问候"));
        assertEquals("ship-2.eu_x", QuickReply.normalisedShortcut("SHIP-2.EU_x"));
        // Not the Turkish dotless i, whatever the JVM's locale.
        assertEquals("invoice", QuickReply.normalisedShortcut("INVOICE"));
    }

    @Test
    void shortcutsWithSpacesSlashesOrTooLongAreRefused() {
        for (String bad : new String[] {null, "", "  ", "two words", "/greet", "a<b>", "x".repeat(33)}) {
            DomainRuleException refused = assertThrows(DomainRuleException.class,
                    () -> QuickReply.forOrganisation(org, bad, "Hello", T0), String.valueOf(bad));
            assertEquals("invalid_shortcut", refused.getCode());
        }
        QuickReply.forOrganisation(org, "x".repeat(32), "Hello", T0);
    }

    @Test
    void contentMustHaveTextAndFitInOneMessage() {
        assertEquals("invalid_content", assertThrows(DomainRuleException.class,
                () -> QuickReply.forOrganisation(org, "a", " \n ", T0)).getCode());
        assertEquals("invalid_content", assertThrows(DomainRuleException.class,
                () -> QuickReply.forOrganisation(org, "a", "x".repeat(4001), T0)).getCode());
        assertEquals("x".repeat(4000), QuickReply.forOrganisation(org, "a", " " + "x".repeat(4000) + " ", T0)
                .getContent());
    }

    @Test
    void organisationRepliesAndEachAgentsOwnAreSeparateScopes() throws Exception {
        Agent ann = stored(new Agent(org, "ann", "Ann", 3), 51L);
        Agent bob = stored(new Agent(org, "bob", "Bob", 3), 52L);
        QuickReply shared = QuickReply.forOrganisation(org, "hi", "Hello", T0);
        QuickReply annsOwn = QuickReply.personal(ann, "hi", "Hi there", T0);

        assertTrue(shared.isOrganisationWide());
        assertFalse(annsOwn.isOrganisationWide());
        assertTrue(annsOwn.isOwnedBy(ann));
        assertFalse(annsOwn.isOwnedBy(bob));
        assertEquals(QuickReply.scopeOf(null), shared.getOwnerScope());
        assertEquals(QuickReply.scopeOf(ann), annsOwn.getOwnerScope());
        assertNotEquals(shared.getOwnerScope(), annsOwn.getOwnerScope());
        assertNotEquals(QuickReply.scopeOf(ann), QuickReply.scopeOf(bob));
    }

    @Test
    void anEditIsCheckedLikeANewReply() {
        QuickReply reply = QuickReply.forOrganisation(org, "hi", "Hello", T0);
        assertThrows(DomainRuleException.class, () -> reply.edit("no spaces please", "Hello", T0.plusSeconds(1)));
        reply.edit("Bye", "Goodbye", T0.plusSeconds(2));
        assertEquals("bye", reply.getShortcut());
        assertEquals("Goodbye", reply.getContent());
        assertEquals(T0.plusSeconds(2), reply.getUpdatedAt());
        assertEquals(T0, reply.getCreatedAt());
    }

    /** As if stored: the scope key is the owner's id. */
    private static Agent stored(Agent agent, long id) throws Exception {
        Field field = Identified.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(agent, id);
        return agent;
    }
}
