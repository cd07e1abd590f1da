package dev.agentconsole.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One framing policy, from the bridge's allow-list (read once at start): only the console's own origin and
 * allow-listed host pages may frame it, said the same way by CSP {@code frame-ancestors} and {@code X-Frame-Options}.
 * Scripts come from this origin only, sockets go to this host only, responses are not sniffed, and the host SDK may be
 * loaded as a cross-origin module by allow-listed host pages.
 */
@WebFilter("/*")
public class SecurityHeaders extends HttpFilter {

    // A Host header that is a plain host name or address with an optional port; anything else (a space or ';' could
    // add directives of its own) gets no socket source beyond 'self'.
    private static final Pattern HOST_HEADER = Pattern.compile("^(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?$");

    @Inject
    BridgeSettings bridge;

    private Set<String> hostOrigins = Set.of();
    private String policyHead;
    private String policyTail;
    private String demoFrames;
    private String frameOptions;

    @Override
    public void init() {
        List<String> origins = bridge.allowedOrigins();
        hostOrigins = Set.copyOf(origins);
        policyHead = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; ";
        policyTail = " object-src 'none'; base-uri 'self'; " + frameAncestors(origins) + ";";
        // The demo portal embeds the console from another origin, so it may frame http(s) pages.
        demoFrames = " frame-src 'self' http: https:;";
        frameOptions = frameOptions(origins);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        response.setHeader("Content-Security-Policy", policyHead + connectSources(request.getHeader("Host")) + ";"
                + (path.startsWith("/demo/") ? demoFrames : "") + policyTail);
        response.setHeader("X-Frame-Options", frameOptions);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (path.startsWith("/sdk/")) {
            allowModuleLoad(request, response);
        }
        chain.doFilter(request, response);
    }

    /**
     * {@code <script type="module" src>} from another origin is a CORS request: an allow-listed host page gets its
     * origin back for the SDK and the origin rule it imports (both in /sdk/), nothing else on this server.
     */
    private void allowModuleLoad(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin != null && hostOrigins.contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        }
    }

    static String frameAncestors(List<String> origins) {
        return "frame-ancestors 'self'" + (origins.isEmpty() ? "" : " " + String.join(" ", origins));
    }

    /**
     * X-Frame-Options cannot name other origins. With none allowed it says SAMEORIGIN, as frame-ancestors does; with
     * some, it must not contradict frame-ancestors, and browsers that know CSP ignore it then (HTML standard, "check
     * a navigation response's adherence to X-Frame-Options"). It is always set because Payara adds SAMEORIGIN to any
     * response without one.
     */
    static String frameOptions(List<String> origins) {
        return origins.isEmpty() ? "SAMEORIGIN" : "ALLOWALL";
    }

    /** Sockets to this host only: the console's own socket, on ws: or wss: (a TLS proxy may stand in front). */
    static String connectSources(String hostHeader) {
        if (hostHeader == null || !HOST_HEADER.matcher(hostHeader).matches()) {
            return "connect-src 'self'";
        }
        return "connect-src 'self' ws://" + hostHeader + " wss://" + hostHeader;
    }
}
