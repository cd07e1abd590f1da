package dev.agentconsole.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Errors raised by the JAX-RS runtime itself (unknown path, wrong method, unreadable JSON) keep their status, in JSON. */
@Provider
public class WebErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(original.getMediaType())) {
            return original;
        }
        int status = original.getStatus();
        String code = switch (status) {
            case 400 -> "malformed_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> Response.Status.Family.familyOf(status).name().toLowerCase(Locale.ROOT);
        };
        String message = status == 400 ? "request body is not valid JSON of the expected shape" : e.getMessage();
        return ErrorBody.of(status, code, message);
    }
}
