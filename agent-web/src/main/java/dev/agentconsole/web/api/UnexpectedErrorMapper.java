package dev.agentconsole.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Anything unforeseen: logged here (bounded, see {@link UnexpectedErrorLog}), answered as JSON without internals.
 * Unreadable JSON bodies end up here too.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    /** Shared by every instance: the bound is on the log, however many mappers the runtime makes. */
    private static final UnexpectedErrorLog ERRORS = new UnexpectedErrorLog(LOG, System::nanoTime);

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (BodySizeLimit.isTooLarge(t)) {
                return BodySizeLimit.tooLarge();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof ProcessingException
                    || t instanceof jakarta.json.stream.JsonParsingException) {
                return ErrorBody.of(Response.Status.BAD_REQUEST, "malformed_request",
                        "request body is not valid JSON of the expected shape");
            }
        }
        ERRORS.log(e);
        return ErrorBody.of(Response.Status.INTERNAL_SERVER_ERROR, "internal_error", "unexpected server error");
    }
}
