package dev.agentconsole.web.api;

import dev.agentconsole.model.PermissionDeniedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A record the caller can see but whose change its role does not allow: 403 {@code forbidden}. */
@Provider
public class PermissionDeniedMapper implements ExceptionMapper<PermissionDeniedException> {

    @Override
    public Response toResponse(PermissionDeniedException e) {
        return ErrorBody.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
    }
}
