package dev.agentconsole.bench.bare;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /bare/api/broadcast[?to=K]}: the body, unparsed, to every open socket (of key K). No database, no
 * transaction, no JSON work: what is left is the cost of HTTP in and WebSocket out on this runtime.
 */
@Path("/broadcast")
public class BroadcastResource {

    @Inject
    BareSessions sessions;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response broadcast(@QueryParam("to") String key, String body) {
        int sent = sessions.send(key, body);
        return Response.status(Response.Status.CREATED).entity("{\"sent\":" + sent + "}")
                .type(MediaType.APPLICATION_JSON).build();
    }
}
