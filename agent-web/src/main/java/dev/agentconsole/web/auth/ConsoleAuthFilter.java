package dev.agentconsole.web.auth;

import dev.agentconsole.web.api.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Console API calls carry {@code Authorization: Bearer <console credential>}; anything else is 401. */
@Provider
@AgentOnly
@Priority(Priorities.AUTHENTICATION)
public class ConsoleAuthFilter implements ContainerRequestFilter {

    @Inject
    ConsoleCredentials credentials;

    @Inject
    CurrentConsole current;

    @Override
    public void filter(ContainerRequestContext request) {
        String credential = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        credentials.verify(credential).ifPresentOrElse(current::set, () -> request.abortWith(
                ErrorBody.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        credential == null ? "console credential required" : "console credential invalid or expired")));
    }
}
