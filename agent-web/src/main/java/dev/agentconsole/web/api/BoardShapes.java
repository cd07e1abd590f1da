package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.supervisor.boundary.BoardView;
import dev.agentconsole.supervisor.control.Percentiles;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** The supervisor board as JSON, the same for the REST snapshot and the live {@code board} frame. */
public final class BoardShapes {

    private BoardShapes() {
    }

    public static JsonObject board(BoardView board) {
        JsonArrayBuilder agents = Jsons.array();
        for (BoardView.AgentRow agent : board.agents()) {
            JsonObjectBuilder row = Jsons.object()
                    .add("uid", agent.uid())
                    .add("nickname", agent.nickname())
                    .add("status", agent.status())
                    .add("activeThreads", agent.activeThreads())
                    .add("maxThreads", agent.maxThreads())
                    .add("workgroups", Jsons.array(agent.workgroupUids()))
                    .add("firstResponse", figures(agent.firstResponse()))
                    .add("handle", figures(agent.handle()));
            millis(row, "statusSince", agent.statusSince());
            agents.add(row);
        }
        JsonArrayBuilder workgroups = Jsons.array();
        for (BoardView.WorkgroupRow workgroup : board.workgroups()) {
            JsonObjectBuilder row = Jsons.object()
                    .add("uid", workgroup.uid())
                    .add("name", workgroup.name())
                    .add("queued", workgroup.queued())
                    .add("firstResponse", figures(workgroup.firstResponse()))
                    .add("handle", figures(workgroup.handle()));
            millis(row, "oldestQueuedAt", workgroup.oldestQueuedAt());
            workgroups.add(row);
        }
        JsonArrayBuilder queued = Jsons.array();
        for (BoardView.QueuedThread thread : board.queued()) {
            JsonObjectBuilder row = Jsons.object()
                    .add("uid", thread.uid())
                    .add("topic", thread.topic())
                    .add("visitor", thread.visitorNickname())
                    .add("workgroupUid", thread.workgroupUid());
            millis(row, "queuedAt", thread.queuedAt());
            queued.add(row);
        }
        return Jsons.object()
                .add("at", board.at().toEpochMilli())
                .add("dayStart", board.dayStart().toEpochMilli())
                .add("firstResponse", figures(board.firstResponse()))
                .add("handle", figures(board.handle()))
                .add("agents", agents)
                .add("workgroups", workgroups)
                .add("queued", queued)
                .build();
    }

    /** Durations in milliseconds. */
    static JsonObject figures(Percentiles figures) {
        return Jsons.object()
                .add("count", figures.count())
                .add("p50", figures.p50Millis())
                .add("p90", figures.p90Millis())
                .build();
    }

    private static void millis(JsonObjectBuilder json, String name, Instant at) {
        if (at == null) {
            json.addNull(name);
        } else {
            json.add(name, at.toEpochMilli());
        }
    }
}
