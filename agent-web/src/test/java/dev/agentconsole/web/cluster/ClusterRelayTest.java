package dev.agentconsole.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.event.boundary.VisitorNotice;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.auth.SignedOutSessions;
import dev.agentconsole.web.visitor.VisitorSessions;
import dev.agentconsole.web.ws.ConsoleSessions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two members' relays on an in-memory topic: what one commits is handed to the other's local delivery, once. */
class ClusterRelayTest {

    /** A topic every member hears, itself included, as Hazelcast's and JMS topics behave. */
    static final class Topic {
        final List<Consumer<String>> members = new CopyOnWriteArrayList<>();

        ClusterBus join(Consumer<String> receiver) {
            members.add(receiver);
            return new ClusterBus() {
                @Override
                public void publish(String message) {
                    members.forEach(member -> member.accept(message));
                }

                @Override
                public String describe() {
                    return "in-memory topic";
                }

                @Override
                public void close() {
                    members.remove(receiver);
                }
            };
        }
    }

    /** What the local delivery of one member was handed. */
    static final class Delivered {
        final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    }

    private final Topic topic = new Topic();
    private final Delivered onA = new Delivered();
    private final Delivered onB = new Delivered();
    private final ClusterRelay memberA = relay(onA);
    private final ClusterRelay memberB = relay(onB);

    @AfterEach
    void stop() {
        memberA.stop();
        memberB.stop();
    }

    private ClusterRelay relay(Delivered delivered) {
        ClusterRelay relay = new ClusterRelay();
        relay.consoles = new ConsoleSessions() {
            @Override
            public void deliver(StreamEventRecorded event) {
                delivered.items.add(event);
            }

            @Override
            public void endSession(String sessionId) {
                delivered.items.add("closed " + sessionId);
            }
        };
        relay.visitors = new VisitorSessions() {
            @Override
            public void deliver(VisitorNotice notice) {
                delivered.items.add(notice);
            }
        };
        relay.signedOut = new SignedOutSessions() {
            @Override
            public void learn(String sessionId, Instant validUntil) {
                delivered.items.add("signed out " + sessionId);
            }
        };
        relay.join(topic.join(relay::receive));
        return relay;
    }

    @Test
    void anEventCommittedOnOneMemberIsDeliveredOnTheOtherOnly() throws Exception {
        StreamEventRecorded event = new StreamEventRecorded("agent:a-1", 7, "agent_status_changed",
                "{\"status\":\"BUSY\"}", Instant.parse("2026-11-28T08:00:00Z"), null);

        memberA.onCommitted(event);

        assertEquals(event, onB.items.poll(10, TimeUnit.SECONDS));
        assertEquals(1, memberB.received());
        // A delivered its own event locally already (ConsoleSessions observes the commit); the bus adds nothing there.
        assertEquals(0, memberA.received());
        assertTrue(onA.items.isEmpty());
    }

    @Test
    void visitorNoticesAndLogoutsCrossToo() throws Exception {
        VisitorNotice notice = new VisitorNotice("t-1", "v-1", "message_created", "{\"content\":\"hi\"}");

        memberB.onVisitorNotice(notice);
        memberB.onSignedOut(new ConsoleCredentials.SessionEnded("session-1", Instant.parse("2026-11-28T09:00:00Z")));

        assertEquals(notice, onA.items.poll(10, TimeUnit.SECONDS));
        assertEquals("signed out session-1", onA.items.poll(10, TimeUnit.SECONDS));
        assertEquals("closed session-1", onA.items.poll(10, TimeUnit.SECONDS));
    }
}
