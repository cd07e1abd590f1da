package dev.agentconsole.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentconsole.event.boundary.EventStreams;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSocketCursorsTest {

    @Test
    void cursorsAreReadPerStreamAndNegativeOrFractionalOnesSkipped() {
        assertEquals(Map.of(EventStreams.ofAgent("a-1"), 7L, "wg:w-1", 3L),
                ConsoleSocket.parseCursors("{\"agent\":7,\"wg:w-1\":3,\"wg:w-2\":-1,\"wg:w-3\":1.5}", "a-1"));
    }

    @Test
    void unreadableCursorsMeanAFreshConsoleWhateverTheParserThrows() {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertNull(ConsoleSocket.parseCursors(deep.substring(0, 16_000), "a-1"), "nested beyond the parser's limit");
        assertNull(ConsoleSocket.parseCursors("[1,2]", "a-1"));
        assertNull(ConsoleSocket.parseCursors("{\"agent\":", "a-1"));
    }
}
