package dev.agentconsole.model.message;

public enum SenderKind {
    VISITOR,
    AGENT,
    SYSTEM
}
