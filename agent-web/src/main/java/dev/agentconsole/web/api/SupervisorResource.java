package dev.agentconsole.web.api;

import dev.agentconsole.supervisor.boundary.SupervisorActions;
import dev.agentconsole.supervisor.boundary.SupervisorBoard;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The supervisor view: its board (the live pushes continue it on the console socket) and its two moves on queued
 * threads. Agents without the supervisor role are refused (403); another organisation's records are not found (404).
 */
@ApplicationScoped
@Path("v1/supervisor")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisorResource {

    @Inject
    CurrentConsole console;

    @Inject
    SupervisorBoard board;

    @Inject
    SupervisorActions actions;

    @GET
    @Path("board")
    public JsonObject board() {
        return BoardShapes.board(board.board(console.agentUid()));
    }

    @POST
    @Path("threads/{uid}/assign")
    public JsonObject assign(@PathParam("uid") String uid, @NotNull @Valid SupervisorRequests.Assign to) {
        return JsonShapes.thread(actions.assign(console.agentUid(), uid, to.agentUid), 0);
    }

    @POST
    @Path("threads/{uid}/move")
    public JsonObject move(@PathParam("uid") String uid, @NotNull @Valid SupervisorRequests.Move to) {
        return JsonShapes.thread(actions.move(console.agentUid(), uid, to.workgroupUid), 0);
    }
}
