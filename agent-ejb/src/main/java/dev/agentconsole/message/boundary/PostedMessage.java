package dev.agentconsole.message.boundary;

/** @param duplicate true when the client message id was already stored and nothing new was written */
public record PostedMessage(MessageView message, boolean duplicate) {
}
