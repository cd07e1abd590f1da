package dev.agentconsole.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Input that fails a check made in code: 400 {@code invalid_request}, like a Bean Validation failure. */
public final class InvalidRequest {

    private InvalidRequest() {
    }

    public static WebApplicationException because(String message) {
        return new WebApplicationException(ErrorBody.of(Response.Status.BAD_REQUEST, "invalid_request", message));
    }
}
