package dev.agentconsole.web.visitor;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.message.boundary.MessageService;
import dev.agentconsole.message.boundary.PostedMessage;
import dev.agentconsole.routing.boundary.WorkgroupDirectory;
import dev.agentconsole.routing.boundary.WorkgroupDirectory.WorkgroupInfo;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.web.api.ErrorBody;
import dev.agentconsole.web.api.JsonShapes;
import dev.agentconsole.web.api.Requests;
import dev.agentconsole.web.auth.BearerToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The visitor side: public, no agent credential. Starting a chat returns a visitor token; every later call about that
 * chat must carry it, so nobody can read or write another visitor's thread by guessing uids. Input is untrusted:
 * validated, size-limited, stored as text.
 */
// One instance: per-request instances re-resolved every injected EJB through JNDI (seen in the profile).
@ApplicationScoped
@Path("v1/visitor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitorResource {

    @Inject
    WorkgroupDirectory workgroups;

    @Inject
    ThreadLifecycle lifecycle;

    @Inject
    ThreadQueries queries;

    @Inject
    MessageService messages;

    @Inject
    VisitorCredentials credentials;

    @GET
    @Path("workgroups/{uid}")
    public JsonObject workgroup(@PathParam("uid") String uid) {
        WorkgroupInfo info = workgroups.info(uid);
        return Jsons.object()
                .add("uid", info.uid())
                .add("name", info.name())
                .add("agentsOnline", info.agentsOnline())
                .build();
    }

    @POST
    @Path("threads")
    public Response start(@NotNull @Valid Requests.NewVisitorThread start) {
        String visitorUid = null;
        if (start.visitorToken != null && !start.visitorToken.isBlank()) {
            visitorUid = credentials.visitorOf(start.visitorToken).orElseThrow(VisitorResource::unauthorised);
        }
        String topic = start.topic == null || start.topic.isBlank() ? start.nickname.strip() : start.topic.strip();
        ThreadView thread = lifecycle.open(start.workgroupUid, visitorUid, start.nickname.strip(), topic);
        String visitor = thread.visitor().uid();
        return Response.status(Response.Status.CREATED).entity(Jsons.object()
                .add("thread", JsonShapes.thread(thread, 0))
                .add("visitorUid", visitor)
                .add("visitorToken", credentials.issue(visitor))
                .build()).build();
    }

    @GET
    @Path("threads/{uid}")
    public JsonObject thread(@PathParam("uid") String uid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return JsonShapes.thread(queries.visitorThread(visitor(authorization), uid), 0);
    }

    @GET
    @Path("threads/{uid}/messages")
    public JsonObject history(@PathParam("uid") String uid,
            @QueryParam("after") String after,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Jsons.object()
                .add("messages", JsonShapes.array(queries.visitorMessages(visitor(authorization), uid, after),
                        JsonShapes::message))
                .build();
    }

    @POST
    @Path("threads/{uid}/messages")
    public Response send(@PathParam("uid") String uid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @NotNull @Valid Requests.NewMessage message) {
        PostedMessage posted = messages.postFromVisitor(visitor(authorization), uid, message.clientMessageId,
                message.content);
        return Response.status(posted.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(JsonShapes.message(posted.message())).build();
    }

    @POST
    @Path("threads/{uid}/close")
    public JsonObject close(@PathParam("uid") String uid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return JsonShapes.thread(lifecycle.closeByVisitor(visitor(authorization), uid), 0);
    }

    private String visitor(String authorization) {
        return credentials.visitorOf(BearerToken.from(authorization)).orElseThrow(VisitorResource::unauthorised);
    }

    private static WebApplicationException unauthorised() {
        return new WebApplicationException(ErrorBody.of(Response.Status.UNAUTHORIZED, "unauthorized",
                "visitor token required"));
    }
}
