package dev.agentconsole.web.auth;

import dev.agentconsole.agent.boundary.AgentSignIn;
import dev.agentconsole.agent.boundary.AgentView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Login is not configured",
                    "The server cannot verify access tokens: " + settings.problem() + ".");
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
        Optional<AgentView> agent = signIn.resolve(organisation, verified.username(), settings.autoProvision(), RoleClaims.configured().rolesOf(verified));
        if (agent.isEmpty()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown agent",
                    "The token is valid, but this user is not an agent of the organisation.");
            return;
        }
        String credential = credentials.issue(agent.get().uid());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/#credential="
                + URLEncoder.encode(credential, StandardCharsets.UTF_8));
    }

    private static String title(TokenRejectedException.Reason reason) {
        return switch (reason) {
            case EXPIRED -> "Access token expired";
            case NOT_YET_VALID -> "Access token not yet valid";
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
