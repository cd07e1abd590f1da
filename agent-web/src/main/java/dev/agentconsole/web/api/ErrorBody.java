package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every error leaves as {@code {"error": code, "message": text}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static Response of(Response.Status status, String error, String message) {
        return of(status.getStatusCode(), error, message);
    }

    public static Response of(int status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsons.object()
                        .add("error", error)
                        .add("message", message == null ? error : message)
                        .build().toString())
                .build();
    }
}
