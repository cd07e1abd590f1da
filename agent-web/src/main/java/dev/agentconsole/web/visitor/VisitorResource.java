package dev.agentconsole.web.visitor;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.message.boundary.MessageService;
import dev.agentconsole.message.boundary.PostedMessage;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.thread.ThreadStatus;
import dev.agentconsole.model.workgroup.QueueFullException;
import dev.agentconsole.routing.boundary.WorkgroupDirectory;
import dev.agentconsole.routing.boundary.WorkgroupDirectory.WorkgroupInfo;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.web.api.ErrorBody;
import dev.agentconsole.web.api.InvalidRequest;
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
import java.util.function.Supplier;

/**
 * The visitor side: public, no agent credential. Starting a chat returns a visitor token; every later call about that
 * chat must carry it, so nobody can read or write another visitor's thread by guessing uids. Input is untrusted:
 * validated, size-limited, stored as text. Starts and messages are rate-limited ({@link VisitorRateFilter}); a
 * workgroup's queue has a cap; a token expires when idle and opens nothing once its thread is closed.
 */
// One instance: per-request instances re-resolved every injected EJB through JNDI (seen in the profile).
@ApplicationScoped
@Path("v1/visitor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitorResource {

    /** Seconds a visitor refused for a full queue is asked to wait. */
    static final int QUEUE_FULL_RETRY_AFTER = 30;

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

    @Inject
    VisitorRateLimits limits;

    @Inject
    RefusalLog refusals;

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
            // Names the visitor to continue as; a token whose thread has ended still does, until it expires.
            visitorUid = visitorOf(start.visitorToken);
            long wait = limits.threadStartByVisitor(visitorUid);
            if (wait > 0) {
                throw new WebApplicationException(VisitorRateLimits.tooManyRequests(wait));
            }
        }
        String topic = start.topic == null || start.topic.isBlank() ? start.nickname.strip() : start.topic.strip();
        ThreadView thread;
        try {
            thread = lifecycle.open(start.workgroupUid, visitorUid, start.nickname.strip(), topic);
        } catch (QueueFullException full) {
            refusals.refused(full.getCode());
            throw new WebApplicationException(Response.fromResponse(ErrorBody.of(Response.Status.SERVICE_UNAVAILABLE,
                    full.getCode(), full.getMessage())).header("Retry-After", QUEUE_FULL_RETRY_AFTER).build());
        }
        String visitor = thread.visitor().uid();
        return Response.status(Response.Status.CREATED).entity(Jsons.object()
                .add("thread", JsonShapes.thread(thread, 0))
                .add("visitorUid", visitor)
                .add("visitorToken", credentials.issue(visitor))
                .build()).build();
    }

    @GET
    @Path("threads/{uid}")
    public Response thread(@PathParam("uid") String uid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String visitor = visitor(authorization);
        return renewed(visitor, JsonShapes.thread(openThread(visitor, uid), 0));
    }

    @GET
    @Path("threads/{uid}/messages")
    public Response history(@PathParam("uid") String uid,
            @QueryParam("after") String after,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String visitor = visitor(authorization);
        openThread(visitor, uid);
        return renewed(visitor, Jsons.object()
                .add("messages", JsonShapes.array(InvalidRequest.unlessUnknownMessage("after",
                        () -> queries.visitorMessages(visitor, uid, after)), JsonShapes::message))
                .build());
    }

    @POST
    @Path("threads/{uid}/messages")
    public Response send(@PathParam("uid") String uid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @NotNull @Valid Requests.NewMessage message) {
        String visitor = visitor(authorization);
        PostedMessage posted = unlessEnded(() -> messages.postFromVisitor(visitor, uid, message.clientMessageId,
                message.content));
        return Response.fromResponse(renewed(visitor, JsonShapes.message(posted.message())))
                .status(posted.duplicate() ? Response.Status.OK : Response.Status.CREATED).build();
    }

    @POST
    @Path("threads/{uid}/close")
    public JsonObject close(@PathParam("uid") String uid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String visitor = visitor(authorization);
        return JsonShapes.thread(unlessEnded(() -> lifecycle.closeByVisitor(visitor, uid)), 0);
    }

    /** The visitor's thread, unless it has ended: then the token no longer opens it. */
    private ThreadView openThread(String visitor, String uid) {
        ThreadView thread = queries.visitorThread(visitor, uid);
        if (ThreadStatus.CLOSED.name().equals(thread.status())) {
            throw chatEnded();
        }
        return thread;
    }

    /** A change refused because the thread is closed is "chat ended" to the visitor. */
    private static <T> T unlessEnded(Supplier<T> change) {
        try {
            return change.get();
        } catch (DomainRuleException refused) {
            if ("thread_closed".equals(refused.getCode())) {
                throw chatEnded();
            }
            throw refused;
        }
    }

    private Response renewed(String visitor, JsonObject body) {
        return Response.ok(body).header(VisitorCredentials.RENEWED, credentials.issue(visitor)).build();
    }

    private String visitor(String authorization) {
        return visitorOf(BearerToken.from(authorization));
    }

    private String visitorOf(String token) {
        return credentials.visitorOf(token).orElseThrow(() -> credentials.isExpired(token)
                ? new WebApplicationException(ErrorBody.of(Response.Status.UNAUTHORIZED, "token_expired",
                        "the chat was idle too long; start a new one"))
                : new WebApplicationException(ErrorBody.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "visitor token required")));
    }

    private static WebApplicationException chatEnded() {
        return new WebApplicationException(ErrorBody.of(Response.Status.GONE, "chat_ended",
                "this chat has ended; start a new one"));
    }
}
