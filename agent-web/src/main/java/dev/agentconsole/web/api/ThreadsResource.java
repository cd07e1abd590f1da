package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.message.boundary.MessagePage;
import dev.agentconsole.message.boundary.MessageService;
import dev.agentconsole.message.boundary.PostedMessage;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.transfer.boundary.TransferOffers;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** The agent's conversations: lists, history, replies and every lifecycle move. */
// One instance: per-request instances re-resolved every injected EJB through JNDI (seen in the profile).
@ApplicationScoped
@Path("v1/threads")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadsResource {

    @Inject
    CurrentConsole console;

    @Inject
    ThreadQueries queries;

    @Inject
    ThreadLifecycle lifecycle;

    @Inject
    MessageService messages;

    @Inject
    TransferOffers offers;

    @GET
    public JsonArray list(@QueryParam("view") @DefaultValue("mine") String view) {
        // Checked here rather than with constraint annotations on parameters, which break the OpenAPI generator.
        if (!view.matches("mine|queued|closed")) {
            throw InvalidRequest.because("view must be mine, queued or closed");
        }
        ThreadQueries.View which = ThreadQueries.View.valueOf(view.toUpperCase(Locale.ROOT));
        return JsonShapes.array(queries.threads(console.agentUid(), which), JsonShapes::thread);
    }

    @GET
    @Path("{uid}")
    public JsonObject thread(@PathParam("uid") String uid) {
        return JsonShapes.thread(queries.threadItem(console.agentUid(), uid));
    }

    @GET
    @Path("{uid}/messages")
    public JsonObject history(@PathParam("uid") String uid,
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") String limitParameter) {
        // Taken as text: JAX-RS answers a query parameter it cannot convert with 404, not with the 400 it is.
        int limit;
        try {
            limit = Integer.parseInt(limitParameter.strip());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 100) {
            throw InvalidRequest.because("limit must be a whole number between 1 and 100");
        }
        int pageSize = limit;
        MessagePage page = InvalidRequest.unlessUnknownMessage("before",
                () -> queries.messages(console.agentUid(), uid, before, pageSize));
        return Jsons.object()
                .add("messages", JsonShapes.array(page.messages(), JsonShapes::message))
                .add("hasMore", page.hasMore())
                .build();
    }

    @POST
    @Path("{uid}/messages")
    public Response send(@PathParam("uid") String uid, @NotNull @Valid Requests.NewMessage message) {
        PostedMessage posted = messages.postFromAgent(console.agentUid(), uid, message.clientMessageId,
                message.content);
        return Response.status(posted.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(JsonShapes.message(posted.message())).build();
    }

    @POST
    @Path("{uid}/accept")
    public JsonObject accept(@PathParam("uid") String uid) {
        return shape(lifecycle.accept(console.agentUid(), uid));
    }

    @POST
    @Path("{uid}/transfer")
    public Response transfer(@PathParam("uid") String uid, @NotNull @Valid Requests.Transfer to) {
        if (to.agentUid != null && !to.agentUid.isBlank()) {
            // To a colleague: an offer (202); the thread stays here until they accept it.
            return Response.accepted(TransferOfferShapes.offer(offers.offer(console.agentUid(), uid, to.agentUid)))
                    .build();
        }
        return Response.ok(shape(lifecycle.transferToWorkgroup(console.agentUid(), uid, to.workgroupUid))).build();
    }

    @POST
    @Path("{uid}/close")
    public JsonObject close(@PathParam("uid") String uid) {
        return shape(lifecycle.close(console.agentUid(), uid));
    }

    @POST
    @Path("{uid}/reopen")
    public JsonObject reopen(@PathParam("uid") String uid) {
        return shape(lifecycle.reopen(console.agentUid(), uid));
    }

    @POST
    @Path("{uid}/read")
    public JsonObject read(@PathParam("uid") String uid) {
        int cleared = messages.clearUnread(console.agentUid(), uid);
        return Jsons.object().add("threadUid", uid).add("cleared", cleared).build();
    }

    private JsonObject shape(ThreadView thread) {
        return JsonShapes.thread(thread, queries.unread(console.agentUid(), thread.uid()));
    }
}
