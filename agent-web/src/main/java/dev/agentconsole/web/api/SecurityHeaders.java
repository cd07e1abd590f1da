package dev.agentconsole.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Only allow-listed host pages may frame the console (the same list the bridge talks to), scripts come from this
 * origin only, and responses are not sniffed.
 */
@WebFilter("/*")
public class SecurityHeaders extends HttpFilter {

    @Inject
    BridgeSettings bridge;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String ancestors = String.join(" ", bridge.allowedOrigins());
        // The demo portal embeds the console from another origin, so it may frame http(s) pages.
        String frames = request.getServletPath().startsWith("/demo/") ? " frame-src 'self' http: https:;" : "";
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data: https:; connect-src 'self' ws: wss:;" + frames
                + " object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
                + (ancestors.isEmpty() ? "" : " " + ancestors));
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
