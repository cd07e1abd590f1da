package dev.agentconsole.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.event.boundary.AgentEventRecorded;
import dev.agentconsole.event.boundary.EventReplay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catch-up from the event log, with a fake log: what the push did not bring arrives on the next checks. */
class ConsoleSessionsTest {

    /** An agent's log that the test fills without any push (as another cluster member would). */
    static final class FakeLog extends EventReplay {
        final List<AgentEventRecorded> events = new ArrayList<>();

        @Override
        public long latestSeq(String agentUid) {
            return events.size();
        }

        @Override
        public Replay since(String agentUid, long lastSeq) {
            return new Replay(events.subList((int) lastSeq, events.size()), false, events.size());
        }
    }

    @Test
    void eventsCommittedElsewhereReachTheConsoleOnTheSecondCheck() {
        FakeLog log = new FakeLog();
        ConsoleSessions sessions = new ConsoleSessions();
        sessions.replay = log;
        ConsoleConnectionTest.FakeSession fake = new ConsoleConnectionTest.FakeSession();
        ConsoleConnection connection = new ConsoleConnection(fake.session(), "agent-1", 0);
        sessions.add(connection);
        connection.startFrom(0);

        log.events.add(ConsoleConnectionTest.event(1));
        log.events.add(ConsoleConnectionTest.event(2));
        sessions.catchUp();
        assertEquals(List.of(), fake.seqs(), "a console that may still be receiving pushes is left alone once");
        sessions.catchUp();
        assertEquals(List.of(1L, 2L), fake.seqs());

        // A push that does arrive is not doubled by a later check.
        log.events.add(ConsoleConnectionTest.event(3));
        sessions.onCommitted(ConsoleConnectionTest.event(3));
        sessions.catchUp();
        sessions.catchUp();
        assertEquals(List.of(1L, 2L, 3L), fake.seqs());
    }
}
