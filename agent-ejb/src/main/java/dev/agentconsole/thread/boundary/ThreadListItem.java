package dev.agentconsole.thread.boundary;

/** A thread in an agent's lists, with that agent's unread count. */
public record ThreadListItem(ThreadView thread, int unreadCount) {
}
