package dev.agentconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.organisation.Organisation;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    private static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\t", "\n", "\r", "\u001f", "\u007f",
            "\u0080", "\u0085", "\u009f", "\u2028", "\u2029");

    @Test
    void c0DelC1AndLineSeparatorsAreControlCharacters() {
        for (String c : CONTROLS) {
            assertTrue(ControlCharacters.in("a" + c + "b"), () -> "U+" + Integer.toHexString(c.charAt(0)));
            assertFalse(Pattern.matches(ControlCharacters.NONE, "a" + c), () -> "U+" + Integer.toHexString(c.charAt(0)));
            assertFalse(Pattern.matches(ControlCharacters.VISIBLE_NAME, "a" + c));
            assertFalse(Pattern.matches(ControlCharacters.ONE_WORD, "a" + c));
        }
        for (String fine : List.of("Ann Smith", "Zoë", "名前", "a\u00a0b", "😀", "x@y.z")) {
            assertFalse(ControlCharacters.in(fine), fine);
            assertTrue(Pattern.matches(ControlCharacters.VISIBLE_NAME, fine), fine);
        }
        assertFalse(ControlCharacters.in(null));
    }

    @Test
    void aVisibleNameNeedsMoreThanSpacesAndOneWordHasNone() {
        for (String blank : List.of("", " ", "\u00a0", "\u3000", "\u2003 ")) {
            assertFalse(Pattern.matches(ControlCharacters.VISIBLE_NAME, blank), blank);
        }
        assertTrue(Pattern.matches(ControlCharacters.ONE_WORD, "ann@example.com"));
        for (String spaced : List.of("two words", "a\u00a0b", "a\u3000b", "")) {
            assertFalse(Pattern.matches(ControlCharacters.ONE_WORD, spaced), spaced);
        }
    }

    @Test
    void anAgentCannotBeNamedWithControlCharacters() {
        Organisation org = new Organisation("org", "Org");
        assertEquals("invalid_name",
                assertThrows(DomainRuleException.class, () -> new Agent(org, "z\u0000@x", "z", 1)).getCode());
        assertThrows(DomainRuleException.class, () -> new Agent(org, "z@x", "z\u2028", 1));
        Agent agent = new Agent(org, "z@x", "z", 1);
        assertThrows(DomainRuleException.class, () -> agent.changeProfile("y\u0085", null, null));
        assertEquals("z", agent.getNickname());
    }
}
