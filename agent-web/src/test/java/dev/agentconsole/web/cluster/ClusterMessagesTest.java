package dev.agentconsole.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.event.boundary.VisitorNotice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one member publishes is what another hands to its local delivery; a member ignores its own messages. */
class ClusterMessagesTest {

    static final class Collected implements ClusterMessages.Receiver {
        final List<Object> received = new ArrayList<>();

        @Override
        public void committed(StreamEventRecorded event) {
            received.add(event);
        }

        @Override
        public void visitorNotice(VisitorNotice notice) {
            received.add(notice);
        }

        @Override
        public void signedOut(String sessionId, Instant validUntil) {
            received.add(sessionId + "@" + validUntil);
        }
    }

    @Test
    void aStreamEventArrivesAsCommitted() {
        StreamEventRecorded event = new StreamEventRecorded("wg:org/wg-sales", 41, "thread_queued",
                "{\"thread\":{\"uid\":\"t-1\",\"topic\":\"café \\\"quoted\\\"\"},\"n\":[1,2]}",
                Instant.parse("2026-11-28T08:00:00.123456789Z"), "agent-7");
        Collected other = new Collected();

        assertEquals(ClusterMessages.Origin.OTHER,
                ClusterMessages.dispatch(ClusterMessages.event("member-a", event), "member-b", other));

        assertEquals(List.of(event), other.received);
    }

    @Test
    void anAgentStreamEventWithoutSkipKeepsNull() {
        StreamEventRecorded event = new StreamEventRecorded("agent:a-1", 1, "agent_status_changed",
                "{\"status\":\"BUSY\"}", Instant.EPOCH, null);
        Collected other = new Collected();

        ClusterMessages.dispatch(ClusterMessages.event("member-a", event), "member-b", other);

        assertEquals(List.of(event), other.received);
    }

    @Test
    void visitorNoticesAndSignOutsArriveAsSent() {
        VisitorNotice notice = new VisitorNotice("t-1", "v-1", "message_created", "{\"content\":\"hi\"}");
        Instant until = Instant.parse("2026-11-28T09:00:01Z");
        Collected other = new Collected();

        ClusterMessages.dispatch(ClusterMessages.visitorNotice("member-a", notice), "member-b", other);
        ClusterMessages.dispatch(ClusterMessages.signedOut("member-a", "session-1", until), "member-b", other);

        assertEquals(List.of(notice, "session-1@" + until), other.received);
    }

    @Test
    void aMemberIgnoresItsOwnMessagesAndUnknownKinds() {
        Collected self = new Collected();

        assertEquals(ClusterMessages.Origin.SELF, ClusterMessages.dispatch(
                ClusterMessages.signedOut("member-a", "s", Instant.EPOCH), "member-a", self));
        assertEquals(ClusterMessages.Origin.UNKNOWN, ClusterMessages.dispatch(
                "{\"from\":\"member-b\",\"kind\":\"from-a-newer-version\"}", "member-a", self));

        assertTrue(self.received.isEmpty());
    }
}
