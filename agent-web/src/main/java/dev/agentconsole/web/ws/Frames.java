package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The console socket's frames as text. An event's frame is built once and the same string goes to every console that
 * follows its stream; the stored data is already JSON and is spliced in, never parsed again.
 */
final class Frames {

    static final String PONG = "{\"type\":\"pong\"}";

    private Frames() {
    }

    static String event(StreamEventRecorded event) {
        return new StringBuilder(event.data().length() + 120)
                .append("{\"stream\":").append(Jsons.quote(EventStreams.wireName(event.stream())))
                .append(",\"seq\":").append(event.seq())
                .append(",\"type\":").append(Jsons.quote(event.type()))
                .append(",\"data\":").append(event.data())
                .append(",\"timestamp\":").append(event.createdAt().toEpochMilli())
                .append('}').toString();
    }

    /** A fresh console's starting point: its own stream's head as {@code seq}, every stream's in {@code cursors}. */
    static String hello(Map<String, Long> headsByKey) {
        JsonObjectBuilder cursors = Jsons.object();
        long agentSeq = 0;
        for (Map.Entry<String, Long> head : headsByKey.entrySet()) {
            cursors.add(EventStreams.wireName(head.getKey()), head.getValue());
            if (EventStreams.isAgentStream(head.getKey())) {
                agentSeq = head.getValue();
            }
        }
        return Jsons.object().add("type", "hello").add("seq", agentSeq).add("cursors", cursors).build().toString();
    }

    /** The console cannot be replayed this stream: it reloads its lists and continues after {@code seq}. */
    static String resync(String streamKey, long seq) {
        return Jsons.object().add("type", "resync").add("stream", EventStreams.wireName(streamKey)).add("seq", seq)
                .build().toString();
    }
}
