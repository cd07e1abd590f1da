package dev.agentconsole.web.api;

import dev.agentconsole.model.DomainRuleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused transition (already taken, closed, not yours) is a conflict with the current state: 409. */
@Provider
public class DomainErrorMapper implements ExceptionMapper<DomainRuleException> {

    @Override
    public Response toResponse(DomainRuleException e) {
        return ErrorBody.of(Response.Status.CONFLICT, e.getCode(), e.getMessage());
    }
}
