package dev.agentconsole.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.supervisor.boundary.BoardView;
import dev.agentconsole.supervisor.boundary.NotSupervisorException;
import dev.agentconsole.supervisor.boundary.SupervisorBoard;
import dev.agentconsole.supervisor.control.DayFigures;
import dev.agentconsole.supervisor.control.Percentiles;
import dev.agentconsole.web.ws.ConsoleConnectionTest.FakeSession;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cost model of the live board: events only mark it stale; one read per tick, one frame for every watcher. */
class SupervisorBoardPushTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final DayFigures FIGURES = new DayFigures(NOW.minusSeconds(36_000), NOW, Percentiles.NONE,
            Percentiles.NONE, Map.of(), Map.of(), Map.of(), Map.of());

    /** Supervisors "sue" and "sam" of org-1; its board has agent a-1 and workgroup wg-1. */
    static final class FakeBoards extends SupervisorBoard {
        final List<DayFigures> readsWith = new ArrayList<>();

        @Override
        public String organisationOfSupervisor(String agentUid) {
            if (!agentUid.startsWith("s")) {
                throw new NotSupervisorException(agentUid);
            }
            return "org-1";
        }

        @Override
        public BoardView boardOf(String organisationUid, DayFigures previous) {
            readsWith.add(previous);
            return new BoardView(organisationUid, NOW, NOW.minusSeconds(36_000),
                    List.of(new BoardView.AgentRow("a-1", "Ann", "BUSY", NOW, 0, 2, List.of("wg-1"), Percentiles.NONE,
                            Percentiles.NONE)),
                    List.of(new BoardView.WorkgroupRow("wg-1", "Sales", 0, null, Percentiles.NONE, Percentiles.NONE)),
                    List.of(), FIGURES);
        }
    }

    FakeBoards boards;
    SupervisorBoardPush push;

    @BeforeEach
    void setUp() {
        boards = new FakeBoards();
        push = new SupervisorBoardPush();
        push.boards = boards;
    }

    static ConsoleConnection console(FakeSession fake, String agentUid) {
        return new ConsoleConnection(fake.session(), agentUid, List.of(EventStreams.ofAgent(agentUid)), Map.of());
    }

    static StreamEventRecorded event(String stream, String type, String data) {
        return new StreamEventRecorded(stream, 1, type, data, NOW, null);
    }

    static List<String> boardFrames(FakeSession fake) {
        return fake.sent.stream().filter(text -> text.startsWith("{\"type\":\"board\"")).toList();
    }

    @Test
    void manyEventsMeanOneReadPerTickAndTheSameFrameForEverySupervisor() {
        FakeSession sue = new FakeSession();
        FakeSession sam = new FakeSession();
        assertTrue(push.watch(console(sue, "sue")));
        assertTrue(push.watch(console(sam, "sam")));
        push.tick();
        assertEquals(1, boards.readsWith.size(), "watching starts with a board");

        for (int i = 0; i < 500; i++) {
            push.noticed(event(EventStreams.ofAgent("a-1"), "message_created", "{}"));
            push.noticed(event(EventStreams.ofWorkgroup("wg-1"), "thread_status_changed", "{}"));
        }
        push.tick();
        push.tick();
        assertEquals(2, boards.readsWith.size(), "a thousand events, one read; a quiet tick, none");
        assertSame(FIGURES, boards.readsWith.get(1), "the day's figures are handed back for reuse");
        assertEquals(2, boardFrames(sue).size());
        assertEquals(boardFrames(sue), boardFrames(sam));
        assertTrue(boardFrames(sue).get(1).contains("\"nickname\":\"Ann\""));
    }

    @Test
    void eventsOfStreamsNoBoardKnowsReadNothing() {
        FakeSession sue = new FakeSession();
        push.watch(console(sue, "sue"));
        push.tick();
        push.noticed(event(EventStreams.ofAgent("someone-elses"), "message_created", "{}"));
        push.noticed(event(EventStreams.ofWorkgroup("wg-of-another-org"), "thread_status_changed", "{}"));
        push.tick();
        assertEquals(1, boards.readsWith.size());
    }

    @Test
    void anAgentNewToTheBoardIsPlacedByItsWorkgroups() {
        FakeSession sue = new FakeSession();
        push.watch(console(sue, "sue"));
        push.tick();
        String newcomer = EventStreams.ofAgent("a-new");
        push.noticed(event(newcomer, "agent_status_changed",
                "{\"status\":\"AVAILABLE\",\"agentInfo\":{\"uid\":\"a-new\",\"workgroups\":[{\"uid\":\"wg-1\"}]}}"));
        push.tick();
        assertEquals(2, boards.readsWith.size());
        // Known from now on, whatever it sends.
        push.noticed(event(newcomer, "message_created", "{}"));
        push.tick();
        assertEquals(3, boards.readsWith.size());
    }

    @Test
    void anAgentWithoutTheRoleIsNotWatchingAndClosedConsolesAreDropped() {
        FakeSession ann = new FakeSession();
        assertFalse(push.watch(console(ann, "ann")));
        assertEquals(0, push.watching());
        push.tick();
        assertTrue(boardFrames(ann).isEmpty());
        assertTrue(boards.readsWith.isEmpty(), "nobody watches: nothing is read");

        FakeSession sue = new FakeSession();
        ConsoleConnection connection = console(sue, "sue");
        push.watch(connection);
        assertEquals(1, push.watching());
        connection.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "gone"));
        push.tick();
        assertEquals(0, push.watching());
        assertTrue(boards.readsWith.isEmpty());
    }
}
