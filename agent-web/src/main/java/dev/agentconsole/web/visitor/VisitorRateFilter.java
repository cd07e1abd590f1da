package dev.agentconsole.web.visitor;

import dev.agentconsole.web.api.ErrorBody;
import dev.agentconsole.web.auth.BearerToken;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

/**
 * Rate limits on the visitor API's two writes, before JAX-RS and the database see them: starting a thread (per client
 * address) and posting a message (per client address and per visitor). The per-visitor limit on starts needs the
 * token from the JSON body and is checked by {@link VisitorResource} before it calls anything.
 */
@WebFilter(urlPatterns = "/api/v1/visitor/*", asyncSupported = true)
public class VisitorRateFilter implements Filter {

    private static final String THREADS = "/api/v1/visitor/threads";

    @Inject
    VisitorRateLimits limits;

    @Inject
    VisitorSettings settings;

    @Inject
    VisitorCredentials credentials;

    private ClientAddress clients;

    @Override
    public void init(FilterConfig config) {
        clients = new ClientAddress(settings.trustedProxies());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long wait = "POST".equals(request.getMethod()) ? check(request) : 0;
        if (wait > 0) {
            refuse((HttpServletResponse) res, wait);
            return;
        }
        chain.doFilter(req, res);
    }

    /** Seconds the client must wait, or 0. */
    private long check(HttpServletRequest request) {
        String path = canonical(request.getRequestURI().substring(request.getContextPath().length()));
        if (path.equals(THREADS)) {
            return limits.threadStartFromAddress(client(request));
        }
        if (path.startsWith(THREADS + "/") && path.endsWith("/messages")) {
            long wait = limits.messageFromAddress(client(request));
            if (wait > 0) {
                return wait;
            }
            Optional<String> visitor = credentials.visitorOf(
                    BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION)));
            return visitor.map(limits::messageByVisitor).orElse(0L);
        }
        return 0;
    }

    /** Path parameters, empty segments and a trailing slash must not slip a request past the checks. */
    static String canonical(String path) {
        StringBuilder canonical = new StringBuilder(path.length());
        for (String segment : path.split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (!name.isEmpty()) {
                canonical.append('/').append(name);
            }
        }
        return canonical.toString();
    }

    private String client(HttpServletRequest request) {
        Enumeration<String> forwarded = request.getHeaders("X-Forwarded-For");
        String hops = forwarded == null || !forwarded.hasMoreElements() ? null
                : String.join(",", Collections.list(forwarded));
        return clients.keyOf(request.getRemoteAddr(), hops);
    }

    private void refuse(HttpServletResponse response, long seconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        ErrorBody.write(response, 429, VisitorRateLimits.body(seconds));
    }
}
