package dev.agentconsole.thread.control;

import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.model.thread.ChatThread;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets when a thread closes itself for idleness: its workgroup's idle time (or the deployment's) after the last
 * message or action in it. The deadline is stored on the thread, so the sweep finds due threads with one range scan
 * of an index, whatever each workgroup's idle time.
 */
@Dependent
public class IdleDeadlines {

    /** Idle time of workgroups that have none of their own; zero or negative: threads never close for idleness. */
    @Inject
    @Setting(value = "agent.thread.idle-close", defaultValue = "PT25M")
    Duration defaultIdle;

    /** Someone wrote or acted in the thread at {@code at}: it stays open for its idle time from now. */
    public void renew(ChatThread thread, Instant at) {
        Duration idle = thread.getWorkgroup() == null ? defaultIdle
                : thread.getWorkgroup().idleCloseAfter(defaultIdle);
        thread.keepOpenUntil(idle == null || idle.isZero() || idle.isNegative() ? null : at.plus(idle));
    }
}
