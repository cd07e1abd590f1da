package dev.agentconsole.web.health;

import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code GET /agent/api/health/ready}: readiness on every server, in MicroProfile Health's shape (200 UP, 503 DOWN),
 * for servers without MicroProfile Health and for probes that want one path on all of them.
 */
@ApplicationScoped
@Path("health/ready")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @Inject
    ReadinessCheck check;

    @GET
    public Response ready() {
        String status = check.up() ? "UP" : "DOWN";
        JsonObjectBuilder data = Jsons.object();
        for (Map.Entry<String, String> entry : check.data().entrySet()) {
            data.add(entry.getKey(), entry.getValue());
        }
        JsonObject body = Jsons.object()
                .add("status", status)
                .add("checks", Jsons.array().add(Jsons.object()
                        .add("name", ReadinessCheck.NAME)
                        .add("status", status)
                        .add("data", data)))
                .build();
        return Response.status("UP".equals(status) ? 200 : 503).entity(body).build();
    }
}
