package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reason phrase reaches the HTTP layer behind a Payara-shaped facade, and anything else is left alone. */
class StatusLineTest {

    /** Grizzly's response: the status line's parts. */
    public static final class Grizzly {
        int status;
        String phrase;

        public void setStatus(int status, String phrase) {
            this.status = status;
            this.phrase = phrase;
        }
    }

    /** Catalina's response. */
    public static final class Catalina {
        final Grizzly grizzly = new Grizzly();

        public Grizzly getCoyoteResponse() {
            return grizzly;
        }
    }

    /** Catalina's facade, the object a servlet is given. */
    static final class Facade {
        protected final Catalina response = new Catalina();
    }

    @Test
    void tooManyRequestsIsNamed() {
        Facade facade = new Facade();
        assertTrue(StatusLine.phrase(facade, 429, StatusLine.MISSING_PHRASES.get(429)));
        assertEquals(429, facade.response.grizzly.status);
        assertEquals("Too Many Requests", facade.response.grizzly.phrase);
    }

    @Test
    void anotherContainerIsLeftAlone() {
        assertFalse(StatusLine.phrase(new Object(), 429, "Too Many Requests"));
        assertFalse(StatusLine.phrase(new Catalina(), 429, "Too Many Requests"));
    }
}
