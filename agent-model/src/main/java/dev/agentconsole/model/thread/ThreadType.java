package dev.agentconsole.model.thread;

/** Contract §6. */
public enum ThreadType {
    AGENT,
    WORKGROUP,
    ROBOT,
    MEMBER,
    GROUP
}
