package dev.agentconsole.web.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one JSON value that is nested at most {@link #MAX_DEPTH} levels and repeats no member name in any object.
 * Built from the parser's events so the depth is ours to refuse: the parser's own limit (1,000) throws a plain
 * {@code RuntimeException}, and an object reader keeps the last of two equal names, so {@code {"a":1,"a":2}} would pass.
 */
final class ShallowJson {

    /** Request bodies are one object of texts, numbers and lists of texts; 32 leaves room and refuses abuse early. */
    static final int MAX_DEPTH = 32;

    /** The body cannot be read as one JSON value. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** An object names the same member twice. */
    static final class DuplicateMember extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        DuplicateMember(String name) {
            super(null, null, false, false);
            this.name = name;
        }
    }

    private ShallowJson() {
    }

    /**
     * The value, or {@link Malformed}/{@link DuplicateMember}. Exceptions raised by the stream (such as the size limit)
     * reach the caller as the parser wraps them.
     */
    static JsonValue read(JsonProvider json, InputStream in) {
        try (JsonParser parser = json.createParser(in)) {
            if (!parser.hasNext()) {
                throw new Malformed("request body is not valid JSON", null);
            }
            JsonValue value = value(json, parser);
            if (parser.hasNext()) {
                throw new Malformed("request body is not valid JSON", null);
            }
            return value;
        } catch (NoSuchElementException e) {
            throw new Malformed("request body is not valid JSON", e);
        }
    }

    private static JsonValue value(JsonProvider json, JsonParser parser) {
        // One frame per open object or array: its builder, the member name awaiting a value, the names seen.
        Deque<Frame> open = new ArrayDeque<>();
        while (true) {
            JsonParser.Event event = parser.next();
            JsonValue done;
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new Malformed("request body is nested too deeply (at most " + MAX_DEPTH + " levels)",
                                null);
                    }
                    open.push(event == JsonParser.Event.START_OBJECT ? new Frame(json.createObjectBuilder(), null)
                            : new Frame(null, json.createArrayBuilder()));
                    continue;
                }
                case KEY_NAME -> {
                    Frame frame = open.peek();
                    String name = parser.getString();
                    if (!frame.names.add(name)) {
                        throw new DuplicateMember(name);
                    }
                    frame.key = name;
                    continue;
                }
                case END_OBJECT -> done = open.pop().object.build();
                case END_ARRAY -> done = open.pop().array.build();
                case VALUE_STRING -> done = json.createValue(parser.getString());
                case VALUE_NUMBER -> done = json.createValue(parser.getBigDecimal());
                case VALUE_TRUE -> done = JsonValue.TRUE;
                case VALUE_FALSE -> done = JsonValue.FALSE;
                case VALUE_NULL -> done = JsonValue.NULL;
                default -> throw new Malformed("request body is not valid JSON", null);
            }
            Frame parent = open.peek();
            if (parent == null) {
                return done;
            }
            parent.add(done);
        }
    }

    private static final class Frame {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> names = new HashSet<>();
        String key;

        Frame(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
        }
    }
}
