package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class NotFoundMapper implements ExceptionMapper<RecordNotFoundException> {

    @Override
    public Response toResponse(RecordNotFoundException e) {
        return ErrorBody.of(Response.Status.NOT_FOUND, e.getKind() + "_not_found", e.getMessage());
    }
}
