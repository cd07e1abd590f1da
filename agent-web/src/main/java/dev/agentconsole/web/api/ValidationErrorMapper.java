package dev.agentconsole.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** Bean Validation failures on request input: 400 naming each bad field. */
@Provider
public class ValidationErrorMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ValidationErrorMapper::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return ErrorBody.of(Response.Status.BAD_REQUEST, "invalid_request", detail);
    }

    static String describe(ConstraintViolation<?> violation) {
        return member(violation.getPropertyPath()) + " " + violation.getMessage();
    }

    /**
     * The member as the client wrote it: "method.arg0.content" → "content", "method.arg0.roles[1].<list element>" →
     * "roles[1]". Method and parameter names are ours, and "<list element>" is the validator's wording.
     */
    static String member(Path path) {
        StringBuilder member = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                member.setLength(0);
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                member.append('[').append(at == null ? "" : at).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getKind() != ElementKind.BEAN
                    && node.getName() != null) {
                member.append(member.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return member.isEmpty() ? "request body" : member.toString();
    }
}
