package dev.agentconsole.web.api;

import dev.agentconsole.visitor.boundary.VisitorRecords;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The customer record beside a conversation. */
// One instance: per-request instances re-resolved every injected EJB through JNDI (seen in the profile).
@ApplicationScoped
@Path("v1/visitors/{uid}")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitorRecordsResource {

    @Inject
    CurrentConsole console;

    @Inject
    VisitorRecords records;

    @GET
    public JsonObject read(@PathParam("uid") String uid) {
        return JsonShapes.visitor(records.read(console.agentUid(), uid));
    }

    @PATCH
    public JsonObject edit(@PathParam("uid") String uid, @NotNull @Valid Requests.VisitorEdit edit) {
        return JsonShapes.visitor(records.edit(console.agentUid(), uid, edit.nickname, edit.notes));
    }
}
