package dev.agentconsole.web.auth;

import dev.agentconsole.web.auth.ConsoleCredentials.ConsoleSession;
import jakarta.enterprise.context.RequestScoped;

/** The verified console session of the current request, set by {@link ConsoleAuthFilter}. */
@RequestScoped
public class CurrentConsole {

    private ConsoleSession session;

    void set(ConsoleSession session) {
        this.session = session;
    }

    public ConsoleSession session() {
        if (session == null) {
            throw new IllegalStateException("no console session on this request");
        }
        return session;
    }

    public String agentUid() {
        return session().agentUid();
    }
}
