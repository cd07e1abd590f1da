package dev.agentconsole.web.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Statuses set by JAX-RS (which calls {@code setStatus(int)} as it writes the answer) get their standard reason phrase,
 * e.g. {@code 429 Too Many Requests}, not Grizzly's {@code CUSTOM}; see {@link StatusLine}. Servlet filters that answer
 * themselves call {@link StatusLine#set} directly, as filter order is not defined.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ReasonPhrases implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
            @Override
            public void setStatus(int status) {
                StatusLine.set((HttpServletResponse) getResponse(), status);
            }
        });
    }
}
