package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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

    /** For servlet filters, which answer before JAX-RS: {@code json} (an error body) with {@code status}. */
    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
