package dev.agentconsole.event.control;

/** What the event log records. The first four are the contract's bridge events; the rest feed the console itself. */
public enum EventType {
    UNREAD_COUNT_CHANGED("unread_count_changed"),
    NEW_VISITOR_MESSAGE("new_visitor_message"),
    AGENT_STATUS_CHANGED("agent_status_changed"),
    THREAD_STATUS_CHANGED("thread_status_changed"),
    MESSAGE_CREATED("message_created"),
    /** (ext) A transfer offer was made or settled; on the streams of both agents. */
    TRANSFER_OFFER("transfer_offer"),
    /** On the agent's own stream: an administrator disabled the agent; its consoles are closed. */
    AGENT_DISABLED("agent_disabled");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
