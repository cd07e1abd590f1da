package dev.agentconsole.model.thread;

import java.util.Locale;

/** The {@code action} values of the contract's {@code thread_status_changed} event. */
public enum ThreadAction {
    QUEUED,
    ASSIGNED,
    ACCEPTED,
    TRANSFERRED,
    CLOSED,
    REOPENED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
