package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.persistence.ConcurrentChangeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Still conflicting after the retries: the client may try again. */
@Provider
public class ConcurrentChangeMapper implements ExceptionMapper<ConcurrentChangeException> {

    @Override
    public Response toResponse(ConcurrentChangeException e) {
        return ErrorBody.of(Response.Status.CONFLICT, "concurrent_change", "changed concurrently; try again");
    }
}
