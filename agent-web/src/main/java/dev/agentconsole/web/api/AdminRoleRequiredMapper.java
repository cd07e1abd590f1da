package dev.agentconsole.web.api;

import dev.agentconsole.organisation.boundary.AdminRoleRequiredException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An administration call by an agent without the admin role (or a disabled one): 403. */
@Provider
public class AdminRoleRequiredMapper implements ExceptionMapper<AdminRoleRequiredException> {

    @Override
    public Response toResponse(AdminRoleRequiredException e) {
        return ErrorBody.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
    }
}
