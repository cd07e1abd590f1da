package dev.agentconsole.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Reads the request bodies of {@link Requests} strictly, for every resource: the body must be one JSON object whose
 * members are fields of the request class with the field's JSON type. JSON-B would coerce {@code ["a"]} into the text
 * {@code "a"} and ignore members it does not know, so a client's mistake would be stored instead of refused.
 * Answers: not JSON, nested deeper than {@link ShallowJson#MAX_DEPTH}, or not an object: 400 {@code malformed_request};
 * an unknown member, a member given twice or a wrong type: 400 {@code invalid_request} naming the member; over the size
 * limit (also when streamed chunked): 413.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonReader implements MessageBodyReader<Requests.Body> {

    /** Looked up once: every lookup scans the class path (seen in the profile). */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Requests.Body.class.isAssignableFrom(type);
    }

    @Override
    public Requests.Body readFrom(Class<Requests.Body> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        JsonValue body;
        try {
            body = ShallowJson.read(JSON, entityStream);
        } catch (ShallowJson.Malformed e) {
            throw tooLargeOr(e, e.getMessage());
        } catch (ShallowJson.DuplicateMember e) {
            throw InvalidRequest.because("duplicate member " + JSON.createValue(clip(e.name)));
        } catch (JsonException | IllegalStateException e) {
            throw tooLargeOr(e, "request body is not valid JSON");
        }
        if (!(body instanceof JsonObject object)) {
            throw malformed("request body must be a JSON object");
        }
        Requests.Body request = newInstance(type);
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            Field field = field(type, member.getKey());
            set(request, field, member.getValue());
            if (request instanceof Requests.MembersGiven given) {
                given.given(field.getName());
            }
        }
        return request;
    }

    private static Requests.Body newInstance(Class<Requests.Body> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a public no-argument constructor", e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            if (!Modifier.isStatic(field.getModifiers())) {
                return field;
            }
        } catch (NoSuchFieldException e) {
            // answered below
        }
        // The member name is the client's own text; quoted as JSON so it cannot break the message.
        throw InvalidRequest.because("unknown field " + JSON.createValue(clip(name)));
    }

    /** Text fields take a JSON string or null, and nothing else. */
    private static void set(Object request, Field field, JsonValue value) {
        Object converted;
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            converted = null;
        } else if (field.getType() == String.class && value instanceof JsonString text) {
            converted = text.getString();
        } else if ((field.getType() == Integer.class || field.getType() == int.class) && value instanceof JsonNumber n
                && isInt(n)) {
            converted = n.intValue();
        } else if (field.getType() == List.class && value instanceof JsonArray array
                && array.stream().allMatch(JsonString.class::isInstance)) {
            // Lists are of strings only (the one element type any request uses).
            converted = array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        } else if ((field.getType() == Boolean.class || field.getType() == boolean.class)
                && (value == JsonValue.TRUE || value == JsonValue.FALSE)) {
            converted = value == JsonValue.TRUE;
        } else {
            throw InvalidRequest.because(field.getName() + " must be " + expected(field.getType()));
        }
        if (converted == null && field.getType().isPrimitive()) {
            throw InvalidRequest.because(field.getName() + " must be " + expected(field.getType()));
        }
        try {
            field.set(request, converted);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("request field " + field + " is not writable", e);
        }
    }

    /** Range first: {@code intValue()} of {@code 1e999999999} would expand the number digit by digit. */
    static boolean isInt(JsonNumber n) {
        BigDecimal d = n.bigDecimalValue();
        return d.compareTo(INT_MIN) >= 0 && d.compareTo(INT_MAX) <= 0 && n.isIntegral();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == List.class) {
            return "an array of strings";
        }
        return type == Boolean.class || type == boolean.class ? "true or false" : "a whole number";
    }

    /** The size limit trips inside the parser, which wraps it; it must still be answered 413. */
    private static WebApplicationException tooLargeOr(Throwable e, String message) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (BodySizeLimit.isTooLarge(t)) {
                return new WebApplicationException(BodySizeLimit.tooLarge());
            }
        }
        return malformed(message);
    }

    private static WebApplicationException malformed(String message) {
        return new WebApplicationException(ErrorBody.of(Response.Status.BAD_REQUEST, "malformed_request", message));
    }

    private static String clip(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
