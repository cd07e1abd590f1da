package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** However often a client provokes a 500, the log takes a bounded number of lines a minute. */
class UnexpectedErrorLogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger(UnexpectedErrorLogTest.class.getName() + ".capture");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AtomicLong clock = new AtomicLong(1_000);

    UnexpectedErrorLogTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
    }

    @Test
    void aStackTraceOnceAMinutePerTypeThenShortLines() {
        UnexpectedErrorLog log = new UnexpectedErrorLog(logger, clock::get);
        log.log(new IllegalStateException("first"));
        log.log(new IllegalStateException("again\nforged line"));
        log.log(new NullPointerException());

        assertEquals(3, records.size());
        assertNotNull(records.get(0).getThrown(), "the first of a type has its stack trace");
        assertNull(records.get(1).getThrown(), "the second of the type within a minute is one line");
        assertTrue(records.get(1).getMessage().contains("IllegalStateException: again forged line"),
                records.get(1).getMessage());
        assertNotNull(records.get(2).getThrown(), "another type has its own stack trace");

        clock.addAndGet(UnexpectedErrorLog.MINUTE);
        log.log(new IllegalStateException("a minute later"));
        assertNotNull(records.get(3).getThrown());
    }

    @Test
    void beyondTheLinesPerMinuteErrorsAreCountedAndSummarised() {
        UnexpectedErrorLog log = new UnexpectedErrorLog(logger, clock::get);
        for (int i = 0; i < 10_000; i++) {
            log.log(i % 2 == 0 ? new IllegalStateException("x") : new IllegalArgumentException("y"));
            clock.addAndGet(1_000);
        }
        assertEquals(UnexpectedErrorLog.LINES_PER_MINUTE, records.size());
        assertEquals(2, records.stream().filter(r -> r.getThrown() != null).count());

        clock.addAndGet(UnexpectedErrorLog.MINUTE);
        log.log(new IllegalStateException("next minute"));
        LogRecord summary = records.get(UnexpectedErrorLog.LINES_PER_MINUTE);
        assertNull(summary.getThrown());
        assertTrue(summary.getMessage().contains("java.lang.IllegalArgumentException=4995"), summary.getMessage());
        assertTrue(summary.getMessage().contains("java.lang.IllegalStateException=4995"), summary.getMessage());
        assertNotNull(records.get(UnexpectedErrorLog.LINES_PER_MINUTE + 1).getThrown());
        assertEquals(UnexpectedErrorLog.LINES_PER_MINUTE + 2, records.size());
    }
}
