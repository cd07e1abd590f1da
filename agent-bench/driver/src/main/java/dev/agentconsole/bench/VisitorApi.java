package dev.agentconsole.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The visitor side: start a thread in a workgroup, post into it, read it back, close it. */
final class VisitorApi {

    /** A visitor's thread and who it was routed to (null while queued). */
    record VisitorThread(String uid, String agentUid, String visitorToken) {
    }

    private final Http http;

    VisitorApi(Http http) {
        this.http = http;
    }

    CompletableFuture<VisitorThread> start(String workgroupUid, String nickname) {
        String body = "{\"workgroupUid\":" + Json.quote(workgroupUid) + ",\"nickname\":" + Json.quote(nickname)
                + ",\"topic\":\"bench\"}";
        return http.send("POST", "/agent/api/v1/visitor/threads", null, body).thenApply(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("start thread answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonObject created = Json.parse(response.body());
            JsonObject thread = created.getJsonObject("thread");
            return new VisitorThread(thread.getString("uid"), Json.string(thread, "agentUid"),
                    created.getString("visitorToken"));
        });
    }

    CompletableFuture<HttpResponse<String>> post(VisitorThread thread, String clientMessageId, String content) {
        return http.send("POST", "/agent/api/v1/visitor/threads/" + thread.uid() + "/messages", thread.visitorToken(),
                "{\"clientMessageId\":" + Json.quote(clientMessageId) + ",\"content\":" + Json.quote(content) + "}");
    }

    /** How often each client message id is stored in the thread. */
    Map<String, Integer> storedCounts(VisitorThread thread) {
        String body = http.expect(200, "GET", "/agent/api/v1/visitor/threads/" + thread.uid() + "/messages",
                thread.visitorToken(), null).body();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonValue value : Json.parse(body).getJsonArray("messages")) {
            String clientMessageId = Json.string(value.asJsonObject(), "clientMessageId");
            if (clientMessageId != null) {
                counts.merge(clientMessageId, 1, Integer::sum);
            }
        }
        return counts;
    }

    CompletableFuture<HttpResponse<String>> close(VisitorThread thread) {
        return http.send("POST", "/agent/api/v1/visitor/threads/" + thread.uid() + "/close", thread.visitorToken(), null);
    }
}
