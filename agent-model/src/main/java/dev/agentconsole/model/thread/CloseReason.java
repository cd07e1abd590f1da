package dev.agentconsole.model.thread;

import java.util.Locale;

/**
 * Why a thread was closed: its agent closed it, its visitor left, nobody wrote for the workgroup's idle time, or the
 * system ended it for another reason.
 */
public enum CloseReason {
    AGENT,
    VISITOR,
    IDLE,
    SYSTEM;

    /** The value in JSON ({@code "idle"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
