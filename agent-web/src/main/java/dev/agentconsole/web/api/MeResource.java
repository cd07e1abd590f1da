package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.organisation.boundary.Administration;
import dev.agentconsole.supervisor.boundary.SupervisorBoard;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in agent: who am I, my status, my session, my unread counts, my colleagues. */
// One instance: per-request instances re-resolved every injected EJB through JNDI (seen in the profile).
@ApplicationScoped
@Path("v1")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentConsole console;

    @Inject
    ConsoleCredentials credentials;

    @Inject
    ThreadQueries queries;

    @Inject
    AgentStatusService statuses;

    @Inject
    EventReplay events;

    @Inject
    BridgeSettings bridge;

    @Inject
    SupervisorBoard supervisors;

    @Inject
    Administration administration;

    @GET
    @Path("me")
    public JsonObject me() {
        return Jsons.object()
                .add("agent", JsonShapes.agent(queries.agent(console.agentUid())))
                .add("allowedOrigins", Jsons.array(bridge.allowedOrigins()))
                .add("latestSeq", events.latestSeq(console.agentUid()))
                .add("credentialExpiresAt", console.session().expiresAt().toEpochMilli())
                .add("supervisor", supervisors.isSupervisor(console.agentUid()))
                .add("admin", administration.isAdministrator(console.agentUid()))
                .build();
    }

    @PUT
    @Path("me/status")
    public JsonObject changeStatus(@NotNull @Valid Requests.StatusChange change) {
        StatusCause cause = "host".equals(change.source) ? StatusCause.HOST : StatusCause.CONSOLE;
        return JsonShapes.agent(statuses.change(console.agentUid(), AgentStatus.valueOf(change.status), cause));
    }

    @POST
    @Path("session/renew")
    public JsonObject renew() {
        ConsoleCredentials.Issued renewed = credentials.renew(console.session());
        return Jsons.object()
                .add("credential", renewed.credential())
                .add("expiresAt", renewed.expiresAt().toEpochMilli())
                .build();
    }

    @POST
    @Path("session/logout")
    public Response logout() {
        credentials.revoke(console.session());
        return Response.noContent().build();
    }

    @GET
    @Path("unread")
    public JsonObject unread() {
        return JsonShapes.unreadSummary(queries.unread(console.agentUid()));
    }

    @GET
    @Path("colleagues")
    public JsonArray colleagues() {
        return JsonShapes.array(queries.colleagues(console.agentUid()), JsonShapes::agent);
    }

    @GET
    @Path("workgroups")
    public JsonArray workgroups() {
        return JsonShapes.array(queries.workgroups(console.agentUid()), JsonShapes::workgroup);
    }
}
