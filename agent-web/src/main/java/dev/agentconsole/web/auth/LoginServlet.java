package dev.agentconsole.web.auth;

import dev.agentconsole.agent.boundary.AgentSignIn;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.infrastructure.persistence.ConcurrentChangeException;
import dev.agentconsole.organisation.boundary.AgentDisabledException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code GET /agent/auth/login?accessToken=<JWT>} (contract §1). A valid token opens a console session and lands in
 * the console, with the console credential in the URL fragment (never sent to a server, read into page memory and
 * removed by the console; no cookie, so it works in a cross-site iframe). An invalid token gets 401 and a page saying
 * why.
 */
@WebServlet("/auth/login")
public class LoginServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());

    @Inject
    LoginSettings settings;

    @Inject
    AgentSignIn signIn;

    @Inject
    ConsoleCredentials credentials;

    /**
     * Link checkers and prefetchers send HEAD; the servlet default would run the whole login for them and hand out a
     * credential in the Location header.
     */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /** POST, PUT, ...: the servlet default would answer with the server's error page, which names the server. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET");
        refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed",
                "The login link is opened with GET.");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            logIn(request, response);
        } catch (RuntimeException e) {
            answerUnexpected(response, e);
        }
    }

    private void logIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        String token = request.getParameter("accessToken");
        if (token == null || token.isBlank()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "No access token",
                    "The login link has no accessToken parameter.");
            return;
        }
        Optional<AccessTokenVerifier> verifier = settings.verifier();
        if (verifier.isEmpty()) {
            // The reason (paths, key errors) is in the server log, written once at start.
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Login is not configured",
                    "The server cannot verify access tokens: its login configuration is missing or invalid.");
            return;
        }
        VerifiedToken verified;
        try {
            verified = verifier.get().verify(token.strip());
        } catch (TokenRejectedException e) {
            LOG.fine(() -> "login refused: " + e.reason());
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, title(e.reason()), e.getMessage());
            return;
        }
        String organisation = verified.organisation().orElse(settings.defaultOrganisation());
        Optional<AgentView> agent;
        try {
            agent = signIn.resolve(organisation, verified.username(), settings.autoProvision(),
                    settings.roleClaims().rolesOf(verified),
                    settings.workgroupClaims().workgroupsOf(verified.claims()).orElse(null));
        } catch (AgentDisabledException e) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Agent disabled",
                    "The token is valid, but an administrator has disabled this agent.");
            return;
        }
        if (agent.isEmpty()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown agent",
                    "The token is valid, but this user is not an agent of the organisation.");
            return;
        }
        String credential = credentials.issue(agent.get().uid());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        // to=admin lands on the admin page instead of the console (which it refuses to agents without the role).
        String landing = "admin".equals(request.getParameter("to")) ? "/admin.html" : "/";
        response.setHeader("Location", request.getContextPath() + landing + "#credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8));
    }

    /**
     * Anything unforeseen (a database error, a lost race) gets the same plain page as a refusal: without it the
     * server's error page would show the exception, the SQL and the versions. One log line, no stack.
     */
    private static void answerUnexpected(HttpServletResponse response, RuntimeException e) throws IOException {
        boolean busy = causes(e).anyMatch(ConcurrentChangeException.class::isInstance);
        Throwable root = causes(e).reduce((first, second) -> second).orElse(e);
        LOG.warning(() -> "login failed: " + e.getClass().getName() + " caused by " + root.getClass().getName() + ": "
                + oneLine(root.getMessage()));
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (busy) {
            response.setHeader("Retry-After", "1");
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Login is busy",
                    "The server is busy; open the login link again in a moment.");
        } else {
            refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Login failed",
                    "The server could not complete the login. Try again later or ask your administrator.");
        }
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause).limit(20);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String title(TokenRejectedException.Reason reason) {
        return switch (reason) {
            case EXPIRED -> "Access token expired";
            case NOT_YET_VALID -> "Access token not yet valid";
            case NO_EXPIRY -> "Access token never expires";
            case INVALID_CLAIM -> "Access token has an unusable claim";
            case BAD_SIGNATURE -> "Access token signature is invalid";
            case UNSUPPORTED_ALGORITHM -> "Access token algorithm not accepted";
            case WRONG_ISSUER -> "Access token from an unexpected issuer";
            case WRONG_AUDIENCE -> "Access token for another audience";
            case NO_SUBJECT -> "Access token names no user";
            case NOT_CONFIGURED -> "Login is not configured";
            case MALFORMED -> "Access token is malformed";
        };
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Login failed</title></head><body>"
                + "<h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p>"
                + "<p>Ask your portal for a new login link.</p></body></html>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
