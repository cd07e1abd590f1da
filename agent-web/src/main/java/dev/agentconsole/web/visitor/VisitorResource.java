package dev.agentconsole.web.visitor;

import dev.agentconsole.routing.boundary.WorkgroupDirectory;
import dev.agentconsole.routing.boundary.WorkgroupDirectory.WorkgroupInfo;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The visitor side of the product: public, no agent credential. */
@Path("v1/visitor")
@Produces(MediaType.APPLICATION_JSON)
public class VisitorResource {

    @Inject
    WorkgroupDirectory workgroups;

    @GET
    @Path("workgroups/{uid}")
    public JsonObject workgroup(@PathParam("uid") String uid) {
        WorkgroupInfo info = workgroups.info(uid);
        return Json.createObjectBuilder()
                .add("uid", info.uid())
                .add("name", info.name())
                .add("agentsOnline", info.agentsOnline())
                .build();
    }
}
