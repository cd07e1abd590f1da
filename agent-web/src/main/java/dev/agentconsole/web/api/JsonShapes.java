package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.message.boundary.MessageView;
import dev.agentconsole.thread.boundary.ThreadListItem;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.visitor.boundary.VisitorView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/** The JSON shapes of docs/api.md, in one place so REST and the bridge contract agree. Times are epoch millis. */
public final class JsonShapes {

    private JsonShapes() {
    }

    public static JsonObject agent(AgentView agent) {
        JsonArrayBuilder workgroups = Jsons.array();
        agent.workgroups().forEach(w -> workgroups.add(workgroup(w)));
        JsonObjectBuilder json = Jsons.object()
                .add("uid", agent.uid())
                .add("username", agent.username())
                .add("nickname", agent.nickname())
                .add("status", agent.status())
                .add("maxThreads", agent.maxThreads())
                .add("activeThreads", agent.activeThreads())
                .add("workgroups", workgroups);
        Jsons.addNullable(json, "avatar", agent.avatar());
        return json.build();
    }

    public static JsonObject workgroup(AgentView.WorkgroupRef workgroup) {
        return Jsons.object().add("uid", workgroup.uid()).add("name", workgroup.name()).build();
    }

    public static JsonObject thread(ThreadView thread, int unreadCount) {
        JsonObjectBuilder user = Jsons.object()
                .add("uid", thread.visitor().uid())
                .add("nickname", thread.visitor().nickname());
        Jsons.addNullable(user, "avatar", thread.visitor().avatar());
        JsonObjectBuilder json = Jsons.object()
                .add("uid", thread.uid())
                .add("topic", thread.topic())
                .add("type", thread.type())
                .add("status", thread.status())
                .add("user", user)
                .add("createdAt", millis(thread.createdAt()))
                .add("updatedAt", millis(thread.updatedAt()))
                .add("unreadCount", unreadCount);
        Jsons.addNullable(json, "agentUid", thread.agentUid());
        Jsons.addNullable(json, "workgroupUid", thread.workgroupUid());
        Jsons.addNullable(json, "closeReason", thread.closeReason());
        Jsons.addNullable(json, "content", thread.lastMessagePreview());
        if (thread.lastMessageAt() == null) {
            json.addNull("lastMessageAt");
        } else {
            json.add("lastMessageAt", millis(thread.lastMessageAt()));
        }
        return json.build();
    }

    public static JsonObject thread(ThreadListItem item) {
        return thread(item.thread(), item.unreadCount());
    }

    public static JsonObject message(MessageView message) {
        JsonObjectBuilder json = Jsons.object()
                .add("uid", message.uid())
                .add("threadUid", message.threadUid())
                .add("senderKind", message.senderKind())
                .add("content", message.content())
                .add("clientMessageId", message.clientMessageId())
                .add("createdAt", millis(message.createdAt()));
        Jsons.addNullable(json, "senderUid", message.senderUid());
        return json.build();
    }

    public static JsonObject visitor(VisitorView visitor) {
        JsonObjectBuilder json = Jsons.object()
                .add("uid", visitor.uid())
                .add("nickname", visitor.nickname())
                .add("firstSeenAt", millis(visitor.firstSeenAt()))
                .add("lastSeenAt", millis(visitor.lastSeenAt()));
        Jsons.addNullable(json, "avatar", visitor.avatar());
        Jsons.addNullable(json, "notes", visitor.notes());
        return json.build();
    }

    /** Contract §3 {@code unread_message_count} data. */
    public static JsonObject unreadSummary(Collection<ThreadListItem> unread) {
        JsonArrayBuilder threads = Jsons.array();
        int total = 0;
        for (ThreadListItem item : unread) {
            total += item.unreadCount();
            JsonObjectBuilder entry = Jsons.object()
                    .add("uid", item.thread().uid())
                    .add("topic", item.thread().topic())
                    .add("type", item.thread().type())
                    .add("unreadCount", item.unreadCount())
                    .add("updatedAt", millis(item.thread().updatedAt()));
            Jsons.addNullable(entry, "content", item.thread().lastMessagePreview());
            threads.add(entry);
        }
        return Jsons.object().add("totalUnreadCount", total).add("unreadThreads", threads).build();
    }

    public static <T> jakarta.json.JsonArray array(Collection<T> items, Function<T, JsonObject> shape) {
        JsonArrayBuilder array = Jsons.array();
        items.forEach(item -> array.add(shape.apply(item)));
        return array.build();
    }

    static long millis(Instant at) {
        return at == null ? 0L : at.toEpochMilli();
    }
}
