package dev.agentconsole.web.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spellings of a limited path that the container may still route to it are limited as that path. */
class VisitorRateFilterTest {

    @Test
    void pathParametersEmptySegmentsAndTrailingSlashesAreIgnored() {
        assertEquals("/api/v1/visitor/threads", VisitorRateFilter.canonical("/api/v1/visitor/threads"));
        assertEquals("/api/v1/visitor/threads", VisitorRateFilter.canonical("/api/v1/visitor//threads//"));
        assertEquals("/api/v1/visitor/threads", VisitorRateFilter.canonical("/api/v1/visitor/threads;x=1/"));
        assertEquals("/api/v1/visitor/threads/t1/messages",
                VisitorRateFilter.canonical("/api/v1/visitor/threads/t1//messages;jsessionid=abc"));
    }
}
