package dev.agentconsole.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** No request body over 64 KB is read, whether it declares its length or streams it chunked: 413. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    /** Closes the connection: the unread rest of the body must not be taken for the next request. */
    static Response tooLarge() {
        Response error = ErrorBody.of(413, "payload_too_large", "request body exceeds " + MAX_BYTES + " bytes");
        return Response.fromResponse(error).header("Connection", "close").build();
    }

    /** Whether {@code e} is the limit tripping while a body streamed in; readers and parsers may wrap it. */
    static boolean isTooLarge(Throwable e) {
        return e instanceof BodyTooLarge;
    }

    private static final class BodyTooLarge extends WebApplicationException {

        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super(tooLarge());
        }
    }

    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }
    }
}
