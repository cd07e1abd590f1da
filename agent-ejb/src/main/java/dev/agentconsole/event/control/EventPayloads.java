package dev.agentconsole.event.control;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.message.Message;
import dev.agentconsole.model.thread.ChatThread;
import dev.agentconsole.model.thread.ThreadAction;
import dev.agentconsole.model.visitor.Visitor;
import dev.agentconsole.model.workgroup.Workgroup;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** The JSON data of each event, in the shapes of the bridge contract (§3) so the console can forward them as they are. */
public final class EventPayloads {

    private EventPayloads() {
    }

    public static JsonObject agentStatusChanged(Agent agent) {
        return Jsons.object()
                .add("status", agent.getStatus().name())
                .add("agentInfo", agentInfo(agent))
                .add("cause", agent.getStatusCause() == null ? "SYSTEM" : agent.getStatusCause().name())
                .build();
    }

    /** The contract's thread summary: uid, topic, type, status and the visitor; each event adds its own members. */
    public static JsonObjectBuilder threadSummary(ChatThread thread) {
        return Jsons.object()
                .add("uid", thread.getUid())
                .add("topic", thread.getTopic())
                .add("type", thread.getType().name())
                .add("status", thread.getStatus().name())
                .add("user", user(thread.getVisitor()));
    }

    public static JsonObject threadStatusChanged(ChatThread thread, ThreadAction action) {
        JsonObjectBuilder summary = threadSummary(thread);
        Jsons.addNullable(summary, "agentUid", thread.getAgent() == null ? null : thread.getAgent().getUid());
        Jsons.addNullable(summary, "workgroupUid", thread.getWorkgroup() == null ? null : thread.getWorkgroup().getUid());
        // Extension: why a closed thread was closed (agent, visitor, idle, system); null while it is open.
        Jsons.addNullable(summary, "closeReason", thread.getCloseReason() == null ? null : thread.getCloseReason().wireName());
        return Jsons.object()
                .add("thread", summary)
                .add("action", action.wireName())
                .build();
    }

    public static JsonObject newVisitorThread(ChatThread thread) {
        JsonObjectBuilder summary = threadSummary(thread).add("createdAt", millis(thread.getCreatedAt()));
        Jsons.addNullable(summary, "content", thread.getLastMessagePreview());
        return Jsons.object().add("thread", summary).build();
    }

    public static JsonObject unreadChanged(ChatThread thread, int unreadCount) {
        JsonObjectBuilder data = Jsons.object()
                .add("threadUid", thread.getUid())
                .add("topic", thread.getTopic())
                .add("type", thread.getType().name())
                .add("unreadCount", unreadCount)
                .add("updatedAt", millis(thread.getUpdatedAt()));
        Jsons.addNullable(data, "content", thread.getLastMessagePreview());
        return data.build();
    }

    public static JsonObject messageCreated(Message message) {
        JsonObjectBuilder data = Jsons.object()
                .add("uid", message.getUid())
                .add("threadUid", message.getThread().getUid())
                .add("senderKind", message.getSenderKind().name())
                .add("content", message.getContent())
                .add("clientMessageId", message.getClientMessageId())
                .add("createdAt", millis(message.getCreatedAt()));
        Jsons.addNullable(data, "senderUid", message.getSenderUid());
        return Jsons.object().add("message", data).build();
    }

    public static JsonObject agentInfo(Agent agent) {
        JsonArrayBuilder workgroups = Jsons.array();
        for (Workgroup workgroup : agent.getWorkgroups()) {
            workgroups.add(Jsons.object().add("uid", workgroup.getUid()).add("name", workgroup.getName()));
        }
        JsonObjectBuilder info = Jsons.object()
                .add("uid", agent.getUid())
                .add("nickname", agent.getNickname())
                .add("status", agent.getStatus().name())
                .add("workgroups", workgroups)
                .add("maxThreads", agent.getMaxThreads())
                .add("activeThreads", agent.getActiveThreads());
        Jsons.addNullable(info, "avatar", agent.getAvatar());
        return info.build();
    }

    private static JsonObject user(Visitor visitor) {
        JsonObjectBuilder user = Jsons.object()
                .add("uid", visitor.getUid())
                .add("nickname", visitor.getNickname());
        Jsons.addNullable(user, "avatar", visitor.getAvatar());
        return user.build();
    }


    private static long millis(Instant at) {
        return at == null ? 0L : at.toEpochMilli();
    }
}
