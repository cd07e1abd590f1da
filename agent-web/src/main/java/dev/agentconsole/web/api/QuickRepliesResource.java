package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.model.quickreply.QuickReplyScope;
import dev.agentconsole.quickreply.boundary.QuickReplies;
import dev.agentconsole.quickreply.boundary.QuickReplyList;
import dev.agentconsole.quickreply.boundary.QuickReplyView;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Canned responses for the composer: the organisation's and the agent's own (docs/api.md, Quick replies). */
// One instance, like the other resources: per-request instances re-resolved every injected EJB through JNDI.
@ApplicationScoped
@Path("v1/quick-replies")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuickRepliesResource {

    @Inject
    CurrentConsole console;

    @Inject
    QuickReplies replies;

    @GET
    public JsonObject list() {
        QuickReplyList visible = replies.visibleTo(console.agentUid());
        JsonArrayBuilder list = Jsons.array();
        visible.replies().forEach(reply -> list.add(shape(reply)));
        return Jsons.object()
                .add("quickReplies", list)
                .add("mayManageOrganisation", visible.mayManageOrganisation())
                .build();
    }

    @GET
    @Path("{uid}")
    public JsonObject read(@PathParam("uid") String uid) {
        return shape(replies.read(console.agentUid(), uid));
    }

    @POST
    public Response create(@NotNull @Valid QuickReplyRequests.NewReply body) {
        QuickReplyScope scope = body.scope == null ? QuickReplyScope.PERSONAL : QuickReplyScope.valueOf(body.scope);
        QuickReplyView created = replies.create(console.agentUid(), scope, body.shortcut, body.content);
        return Response.status(Response.Status.CREATED).entity(shape(created)).build();
    }

    @PUT
    @Path("{uid}")
    public JsonObject edit(@PathParam("uid") String uid, @NotNull @Valid QuickReplyRequests.ReplyEdit body) {
        return shape(replies.edit(console.agentUid(), uid, body.version, body.shortcut, body.content));
    }

    @DELETE
    @Path("{uid}")
    public Response delete(@PathParam("uid") String uid) {
        replies.delete(console.agentUid(), uid);
        return Response.noContent().build();
    }

    static JsonObject shape(QuickReplyView reply) {
        return Jsons.object()
                .add("uid", reply.uid())
                .add("scope", reply.scope().name())
                .add("shortcut", reply.shortcut())
                .add("content", reply.content())
                .add("version", reply.version())
                .add("updatedAt", reply.updatedAt().toEpochMilli())
                .add("editable", reply.editable())
                .build();
    }
}
