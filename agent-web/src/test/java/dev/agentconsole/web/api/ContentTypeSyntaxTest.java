package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which Content-Type values reach JAX-RS: media types do; anything else is a JSON 415 instead of an HTML page. */
class ContentTypeSyntaxTest {

    @Test
    void mediaTypesPass() {
        for (String ok : new String[] {"application/json", "application/json; charset=UTF-8", "Application/JSON;charset=\"utf-8\"",
                "text/plain", "application/json;", "application/json; ; charset=utf-8", "a/b;x=\"q\\\"uoted\"",
                " application/json "}) {
            assertTrue(ContentTypeSyntax.isMediaType(ok), ok);
        }
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"???", "/", "a/b;;=", "", "application", "application/", "/json",
                "application/json charset=utf-8", "a/b;x", "a/b;x=", "a/b;=y", "a/b;x=\"open", "a b/c", "a/b/c",
                "a/b;x=y z"}) {
            assertFalse(ContentTypeSyntax.isMediaType(bad), bad);
        }
    }
}
