package dev.agentconsole.message.boundary;

import java.util.List;

/** @param messages oldest first; @param hasMore older messages exist before the first one */
public record MessagePage(List<MessageView> messages, boolean hasMore) {
}
