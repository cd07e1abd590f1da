package dev.agentconsole.web.api;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Sets statuses whose standard reason phrase the container does not know. Payara's HTTP layer (Grizzly) writes
 * {@code HTTP/1.1 429 CUSTOM}, and Servlet 6 has no API for a reason phrase, so the phrase is set on Grizzly's response
 * behind the servlet facade. On another container the lookup fails and the status stands with that container's phrase.
 */
public final class StatusLine {

    /** Statuses this application sends that Grizzly has no phrase for (it knows 413, 415 and 503). */
    static final Map<Integer, String> MISSING_PHRASES = Map.of(429, "Too Many Requests");

    private StatusLine() {
    }

    public static void set(HttpServletResponse response, int status) {
        response.setStatus(status);
        String phrase = MISSING_PHRASES.get(status);
        if (phrase != null) {
            ServletResponse inner = response;
            while (inner instanceof ServletResponseWrapper wrapper) {
                inner = wrapper.getResponse();
            }
            phrase(inner, status, phrase);
        }
    }

    /**
     * Payara: {@code ResponseFacade.response} (Catalina's response) → {@code getCoyoteResponse()} (Grizzly's) →
     * {@code setStatus(int, String)}. Any step missing: nothing is changed.
     */
    static boolean phrase(Object facade, int status, String phrase) {
        try {
            Field field = declared(facade.getClass(), "response");
            if (field == null) {
                return false;
            }
            field.setAccessible(true);
            Object container = field.get(facade);
            Object grizzly = container.getClass().getMethod("getCoyoteResponse").invoke(container);
            Method setStatus = grizzly.getClass().getMethod("setStatus", int.class, String.class);
            setStatus.invoke(grizzly, status, phrase);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Field declared(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        return null;
    }
}
