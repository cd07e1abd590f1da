package dev.agentconsole.web.ws;

import static dev.agentconsole.web.ws.ConsoleConnectionTest.AGENT;
import static dev.agentconsole.web.ws.ConsoleConnectionTest.OWN;
import static dev.agentconsole.web.ws.ConsoleConnectionTest.QUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.web.auth.ConsoleCredentials;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Fan-out, the catch-up from the event log and the registry, with a fake log (no container). */
class ConsoleSessionsTest {

    /** Streams that the test fills without any push (as another cluster member would); counts statements. */
    static final class FakeLog extends EventReplay {
        final Map<String, List<StreamEventRecorded>> streams = new HashMap<>();
        final AtomicInteger headReads = new AtomicInteger();
        final AtomicInteger replayReads = new AtomicInteger();

        void append(String stream) {
            List<StreamEventRecorded> events = streams.computeIfAbsent(stream, key -> new ArrayList<>());
            events.add(ConsoleConnectionTest.event(stream, events.size() + 1, Instant.EPOCH, null));
        }

        @Override
        public Map<String, Long> heads(Collection<String> keys) {
            headReads.incrementAndGet();
            Map<String, Long> heads = new HashMap<>();
            keys.forEach(key -> heads.put(key, (long) streams.getOrDefault(key, List.of()).size()));
            return heads;
        }

        @Override
        public Replay sinceInStream(String stream, long lastSeq) {
            replayReads.incrementAndGet();
            List<StreamEventRecorded> events = streams.getOrDefault(stream, List.of());
            return new Replay(events.subList((int) lastSeq, events.size()), false, events.size());
        }
    }

    static ConsoleSessions sessionsOn(FakeLog log) {
        ConsoleSessions sessions = new ConsoleSessions();
        sessions.replay = log;
        return sessions;
    }

    @Test
    void eventsCommittedElsewhereReachTheConsoleOnTheSecondCheck() {
        FakeLog log = new FakeLog();
        ConsoleSessions sessions = sessionsOn(log);
        ConsoleConnectionTest.FakeSession fake = new ConsoleConnectionTest.FakeSession();
        ConsoleConnection connection = ConsoleConnectionTest.fresh(fake);
        sessions.add(connection);
        connection.startFrom(Map.of(OWN, 0L, QUEUE, 0L));

        log.append(OWN);
        log.append(QUEUE);
        log.append(OWN);
        sessions.catchUp();
        assertEquals(List.of(), fake.events(), "a console that may still be receiving pushes is left alone once");
        sessions.catchUp();
        assertEquals(List.of("agent#1", "agent#2", "wg:wg-1#1"), fake.events().stream().sorted().toList());

        // A push that does arrive is not doubled by a later check.
        log.append(QUEUE);
        sessions.onCommitted(log.streams.get(QUEUE).get(1));
        sessions.catchUp();
        sessions.catchUp();
        assertEquals(4, fake.events().size());
    }

    @Test
    void anIdleCheckIsOneStatementHoweverManyConsolesAreOpen() {
        FakeLog log = new FakeLog();
        ConsoleSessions sessions = sessionsOn(log);
        for (int i = 0; i < 1000; i++) {
            String agent = "agent-" + i;
            ConsoleConnection connection = new ConsoleConnection(new ConsoleConnectionTest.FakeSession().session(),
                    agent, List.of(EventStreams.ofAgent(agent), EventStreams.ofWorkgroup("wg-" + i % 10)), Map.of());
            sessions.add(connection);
            connection.startFrom(Map.of());
        }
        sessions.catchUp();
        sessions.catchUp();
        assertEquals(2, log.headReads.get());
        assertEquals(0, log.replayReads.get());
    }

    @Test
    void oneCommittedQueueEventReachesEveryMemberButTheOneToldOnItsOwnStream() {
        ConsoleSessions sessions = sessionsOn(new FakeLog());
        List<ConsoleConnectionTest.FakeSession> fakes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ConsoleConnectionTest.FakeSession fake = new ConsoleConnectionTest.FakeSession();
            fakes.add(fake);
            String agent = i == 0 ? AGENT : "member-" + i;
            ConsoleConnection connection = new ConsoleConnection(fake.session(), agent,
                    List.of(EventStreams.ofAgent(agent), QUEUE), Map.of());
            sessions.add(connection);
            connection.startFrom(Map.of());
        }
        sessions.onCommitted(ConsoleConnectionTest.event(QUEUE, 1, Instant.EPOCH, AGENT));
        assertEquals(List.of(), fakes.get(0).events());
        for (int i = 1; i < 50; i++) {
            assertEquals(List.of("wg:wg-1#1"), fakes.get(i).events());
        }
        // The very same frame text for all of them: built once.
        assertTrue(fakes.stream().skip(2).allMatch(f -> f.sent.get(1) == fakes.get(1).sent.get(1)));
    }

    @Test
    void aReloadStormLeavesEveryOpenConsoleRegistered() throws Exception {
        ConsoleSessions sessions = sessionsOn(new FakeLog());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ConsoleConnectionTest.FakeSession> survivors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<ConsoleConnection> open = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                go.await();
                ConsoleConnection previous = null;
                ConsoleConnectionTest.FakeSession previousFake = null;
                for (int i = 0; i < 2000; i++) {
                    // A reload: the new page's socket opens while the old one is still closing.
                    ConsoleConnectionTest.FakeSession fake = new ConsoleConnectionTest.FakeSession();
                    ConsoleConnection next = ConsoleConnectionTest.fresh(fake);
                    sessions.add(next);
                    if (previous != null) {
                        sessions.remove(previous);
                    }
                    previous = next;
                    previousFake = fake;
                }
                survivors.add(previousFake);
                open.add(previous);
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(8, sessions.openConsoles(AGENT));
        open.forEach(connection -> connection.startFrom(Map.of()));
        sessions.onCommitted(ConsoleConnectionTest.event(1));
        sessions.onCommitted(ConsoleConnectionTest.event(QUEUE, 1, Instant.EPOCH, null));
        for (ConsoleConnectionTest.FakeSession survivor : survivors) {
            assertEquals(List.of("agent#1", "wg:wg-1#1"), survivor.events());
        }
    }

    @Test
    void presenceIsAskedOnlyWhenTheAgentsLastConsoleCloses() {
        ConsoleSessions sessions = sessionsOn(new FakeLog());
        List<BooleanSupplier> asked = new ArrayList<>();
        List<BooleanSupplier> opened = new ArrayList<>();
        sessions.presence = new AgentPresence() {
            @Override
            void lastConsoleClosed(String agentUid, BooleanSupplier stillGone) {
                asked.add(stillGone);
            }

            @Override
            void firstConsoleOpened(String agentUid, BooleanSupplier openHere) {
                opened.add(openHere);
            }
        };
        ConsoleConnection tab1 = ConsoleConnectionTest.fresh(new ConsoleConnectionTest.FakeSession());
        ConsoleConnection tab2 = ConsoleConnectionTest.fresh(new ConsoleConnectionTest.FakeSession());
        sessions.add(tab1);
        sessions.add(tab2);
        sessions.remove(tab1);
        assertEquals(0, asked.size());
        assertEquals(1, opened.size(), "the second tab is not a first console");
        sessions.remove(tab2);
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).getAsBoolean(), "gone");
        assertTrue(!opened.get(0).getAsBoolean(), "the state recorded is read when written");
        sessions.remove(tab2);
        assertEquals(1, asked.size(), "a console removed twice (tick, then its close) is one last close");
        // A reload inside the grace period: the agent is back when the check runs.
        sessions.add(ConsoleConnectionTest.fresh(new ConsoleConnectionTest.FakeSession()));
        assertTrue(!asked.get(0).getAsBoolean(), "back");
        assertEquals(2, opened.size(), "a first console again after the last closed");
    }

    @Test
    void consolesCloseWith1008WhenTheirCredentialExpiresOrTheirSessionIsSignedOut() {
        ConsoleSessions sessions = sessionsOn(new FakeLog());
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        ConsoleConnectionTest.FakeSession expiring = new ConsoleConnectionTest.FakeSession();
        ConsoleConnectionTest.FakeSession renewed = new ConsoleConnectionTest.FakeSession();
        ConsoleConnectionTest.FakeSession signedOut = new ConsoleConnectionTest.FakeSession();
        ConsoleConnectionTest.FakeSession other = new ConsoleConnectionTest.FakeSession();
        ConsoleConnection expiringConsole = ConsoleConnectionTest.fresh(expiring);
        expiringConsole.signedIn("s1", now.plusSeconds(60));
        ConsoleConnection renewedConsole = ConsoleConnectionTest.fresh(renewed);
        renewedConsole.signedIn("s2", now.plusSeconds(60));
        renewedConsole.renewed(now.plusSeconds(1800));
        ConsoleConnection signedOutConsole = ConsoleConnectionTest.fresh(signedOut);
        signedOutConsole.signedIn("s3", now.plusSeconds(1800));
        ConsoleConnection otherConsole = ConsoleConnectionTest.fresh(other);
        otherConsole.signedIn("s4", now.plusSeconds(1800));
        List.of(expiringConsole, renewedConsole, signedOutConsole, otherConsole).forEach(sessions::add);

        sessions.closeEnded(now.plusSeconds(59).toEpochMilli(), "s3"::equals);
        assertEquals(null, expiring.closedWith);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, signedOut.closedWith.getCloseCode());
        assertEquals("signed out", signedOut.closedWith.getReasonPhrase());

        sessions.closeEnded(now.plusSeconds(60).toEpochMilli(), "s3"::equals);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, expiring.closedWith.getCloseCode());
        assertEquals("credential expired", expiring.closedWith.getReasonPhrase());
        assertEquals(null, renewed.closedWith);
        assertEquals(null, other.closedWith);
        assertEquals(2, sessions.openConsoles(AGENT));
    }

    @Test
    void aLogoutOnThisMemberClosesOnlyThatSessionsConsolesAtOnce() {
        ConsoleSessions sessions = sessionsOn(new FakeLog());
        ConsoleConnectionTest.FakeSession tab1 = new ConsoleConnectionTest.FakeSession();
        ConsoleConnectionTest.FakeSession tab2 = new ConsoleConnectionTest.FakeSession();
        ConsoleConnection first = ConsoleConnectionTest.fresh(tab1);
        first.signedIn("s1", Instant.now().plusSeconds(600));
        ConsoleConnection second = ConsoleConnectionTest.fresh(tab2);
        second.signedIn("s2", Instant.now().plusSeconds(600));
        sessions.add(first);
        sessions.add(second);

        sessions.onSignedOut(new ConsoleCredentials.SessionEnded("s1", Instant.EPOCH));

        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, tab1.closedWith.getCloseCode());
        assertEquals(null, tab2.closedWith);
        assertEquals(1, sessions.openConsoles(AGENT));
    }

    @Test
    void aDisablingEventClosesThatAgentsConsolesWhetherPushedOrCaughtUp() {
        FakeLog log = new FakeLog();
        ConsoleSessions sessions = sessionsOn(log);
        ConsoleConnectionTest.FakeSession pushed = new ConsoleConnectionTest.FakeSession();
        ConsoleConnectionTest.FakeSession missed = new ConsoleConnectionTest.FakeSession();
        ConsoleConnectionTest.FakeSession colleague = new ConsoleConnectionTest.FakeSession();
        ConsoleConnection pushedConsole = ConsoleConnectionTest.fresh(pushed);
        ConsoleConnection colleagueConsole = new ConsoleConnection(colleague.session(), "agent-2",
                List.of(EventStreams.ofAgent("agent-2"), QUEUE), Map.of());
        List.of(pushedConsole, colleagueConsole).forEach(sessions::add);
        pushedConsole.startFrom(Map.of(OWN, 0L, QUEUE, 0L));
        colleagueConsole.startFrom(Map.of(EventStreams.ofAgent("agent-2"), 0L, QUEUE, 0L));

        sessions.deliver(new StreamEventRecorded(OWN, 1, "agent_disabled", "{}", Instant.EPOCH, null));

        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, pushed.closedWith.getCloseCode());
        assertEquals("agent disabled", pushed.closedWith.getReasonPhrase());
        assertEquals(null, colleague.closedWith);
        assertEquals(0, sessions.openConsoles(AGENT));

        // Another member's event whose bus message was lost: the log catch-up closes the console.
        ConsoleConnection missedConsole = ConsoleConnectionTest.fresh(missed);
        sessions.add(missedConsole);
        missedConsole.startFrom(Map.of(OWN, 0L, QUEUE, 0L));
        log.streams.put(OWN, List.of(new StreamEventRecorded(OWN, 1, "agent_disabled", "{}", Instant.EPOCH, null)));
        sessions.catchUp();
        sessions.catchUp();
        assertEquals("agent disabled", missed.closedWith.getReasonPhrase());
        assertEquals(null, colleague.closedWith);
        assertEquals(1, sessions.openConsoles("agent-2"));
    }
}
