package dev.agentconsole.web.api;

import dev.agentconsole.supervisor.boundary.NotSupervisorException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A supervisor's endpoint called by an agent without the role: 403, and the reason in one line. */
@Provider
public class NotSupervisorMapper implements ExceptionMapper<NotSupervisorException> {

    @Override
    public Response toResponse(NotSupervisorException e) {
        return ErrorBody.of(Response.Status.FORBIDDEN, "not_supervisor", "this needs the supervisor role");
    }
}
