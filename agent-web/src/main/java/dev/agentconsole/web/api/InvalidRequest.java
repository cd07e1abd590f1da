package dev.agentconsole.web.api;

import dev.agentconsole.model.DomainRuleException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Input that fails a check made in code: 400 {@code invalid_request}, like a Bean Validation failure. */
public final class InvalidRequest {

    private InvalidRequest() {
    }

    public static WebApplicationException because(String message) {
        return new WebApplicationException(ErrorBody.of(Response.Status.BAD_REQUEST, "invalid_request", message));
    }

    /**
     * Runs a query that takes a message uid from the query parameter {@code parameter}: a uid that names no message of
     * the thread is a bad parameter (400, like any other out of range), not a conflict with the thread's state.
     */
    public static <T> T unlessUnknownMessage(String parameter, Supplier<T> query) {
        try {
            return query.get();
        } catch (DomainRuleException e) {
            if ("unknown_message".equals(e.getCode())) {
                throw because(parameter + " names no message of this thread");
            }
            throw e;
        }
    }
}
