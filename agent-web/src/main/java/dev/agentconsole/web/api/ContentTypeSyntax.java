package dev.agentconsole.web.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A {@code Content-Type} that is not a media type ({@code ???}, {@code /}, {@code a/b;;=}) is answered 415
 * {@code unsupported_media_type} in JSON before JAX-RS sees it: Jersey fails to parse it outside any exception mapper
 * and the container answered with its own HTML error page. The syntax is RFC 9110's {@code media-type}.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ContentTypeSyntax implements Filter {

    static final String BODY = "{\"error\":\"unsupported_media_type\","
            + "\"message\":\"Content-Type is not a media type; send application/json\"}";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = ((HttpServletRequest) request).getHeader("Content-Type");
        if (contentType != null && !isMediaType(contentType)) {
            ErrorBody.write((HttpServletResponse) response, 415, BODY);
            return;
        }
        chain.doFilter(request, response);
    }

    /** {@code type "/" subtype *( OWS ";" OWS [ token "=" ( token / quoted-string ) ] )}. */
    static boolean isMediaType(String value) {
        Cursor in = new Cursor(value.strip());
        if (!in.token() || !in.take('/') || !in.token()) {
            return false;
        }
        while (true) {
            in.whitespace();
            if (in.done()) {
                return true;
            }
            if (!in.take(';')) {
                return false;
            }
            in.whitespace();
            if (in.done() || in.peek(';')) {
                continue;
            }
            if (!in.token() || !in.take('=') || !(in.token() || in.quoted())) {
                return false;
            }
        }
    }

    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean done() {
            return at >= text.length();
        }

        boolean peek(char c) {
            return !done() && text.charAt(at) == c;
        }

        boolean take(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        void whitespace() {
            while (peek(' ') || peek('\t')) {
                at++;
            }
        }

        boolean token() {
            int start = at;
            while (!done() && isTokenChar(text.charAt(at))) {
                at++;
            }
            return at > start;
        }

        boolean quoted() {
            if (!take('"')) {
                return false;
            }
            while (!done()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return true;
                }
                if (c == '\\') {
                    if (done()) {
                        return false;
                    }
                    at++;
                } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return false;
                }
            }
            return false;
        }

        private static boolean isTokenChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
