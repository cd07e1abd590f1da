package dev.agentconsole.web.api;

import dev.agentconsole.transfer.boundary.TransferOffers;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Offers of threads between colleagues (made with {@code POST /threads/{uid}/transfer {agentUid}}): the ones waiting
 * for an answer, and the answers. An offer is visible to its two agents only; to anyone else it does not exist.
 */
@ApplicationScoped
@Path("v1/transfer-offers")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransferOffersResource {

    @Inject
    CurrentConsole console;

    @Inject
    TransferOffers offers;

    @GET
    public JsonArray pending() {
        return JsonShapes.array(offers.pending(console.agentUid()), TransferOfferShapes::offer);
    }

    @GET
    @Path("{uid}")
    public JsonObject offer(@PathParam("uid") String uid) {
        return TransferOfferShapes.offer(offers.read(console.agentUid(), uid));
    }

    @POST
    @Path("{uid}/accept")
    public JsonObject accept(@PathParam("uid") String uid) {
        return TransferOfferShapes.offer(offers.accept(console.agentUid(), uid));
    }

    @POST
    @Path("{uid}/decline")
    public JsonObject decline(@PathParam("uid") String uid) {
        return TransferOfferShapes.offer(offers.decline(console.agentUid(), uid));
    }

    @POST
    @Path("{uid}/cancel")
    public JsonObject cancel(@PathParam("uid") String uid) {
        return TransferOfferShapes.offer(offers.cancel(console.agentUid(), uid));
    }
}
