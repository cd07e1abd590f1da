package dev.agentconsole.web.ws;

import dev.agentconsole.event.boundary.EventStreams;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.infrastructure.config.Setting;
import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.supervisor.boundary.BoardView;
import dev.agentconsole.supervisor.boundary.SupervisorBoard;
import dev.agentconsole.supervisor.control.DayFigures;
import dev.agentconsole.web.api.BoardShapes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the supervisor views live from the events that already reach this member (its own commits and, through the
 * cluster bus, the others'), at a cost that grows with neither the event rate nor the number of supervisors: an event
 * only marks its organisation's board stale (a map lookup), and at most once per interval each stale board is read
 * once (one set of aggregate queries; today's figures, the costly part, only every 15 s) and the same frame is sent to
 * every supervisor console of that organisation.
 * Boards are also read every {@link #REFRESH_EVERY} while watched, for what no event announces here: the day turning,
 * an agent without workgroups signing in, a change on another member when there is no cluster bus.
 */
@ApplicationScoped
public class SupervisorBoardPush {

    static final Duration INTERVAL_DEFAULT = Duration.ofSeconds(1);
    static final Duration REFRESH_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(SupervisorBoardPush.class.getName());

    private final Map<String, Set<ConsoleConnection>> watchers = new ConcurrentHashMap<>();
    /** The organisation of each agent and workgroup stream seen on a board read here. */
    private final Map<String, String> organisationOfStream = new ConcurrentHashMap<>();
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> readAtNanos = new ConcurrentHashMap<>();
    /** Each watched organisation's day figures, reused by the next reads while recent (see DayFigures). */
    private final Map<String, DayFigures> figures = new ConcurrentHashMap<>();

    @Inject
    SupervisorBoard boards;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The most often one organisation's board is read and pushed while events keep coming. */
    @Inject
    @Setting(value = "agent.supervisor.board-interval", defaultValue = "PT1S")
    Duration interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (scheduler != null) {
            long millis = (interval == null ? INTERVAL_DEFAULT : interval).toMillis();
            task = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * A console that asked for the board: pushed to from the next tick on if its agent is a supervisor (the role is
     * read once, here); answers false, and adds nothing, for anyone else.
     */
    boolean watch(ConsoleConnection connection) {
        String organisation;
        try {
            organisation = boards.organisationOfSupervisor(connection.agentUid());
        } catch (RuntimeException notSupervisor) {
            LOG.fine(() -> "board not pushed to agent " + connection.agentUid() + ": " + notSupervisor);
            return false;
        }
        watchers.computeIfAbsent(organisation, key -> ConcurrentHashMap.newKeySet()).add(connection);
        stale.add(organisation);
        return true;
    }

    /** Every committed event delivered on this member passes here; it only marks a watched board stale. */
    void noticed(StreamEventRecorded event) {
        if (watchers.isEmpty()) {
            return;
        }
        String organisation = organisationOfStream.get(event.stream());
        if (organisation == null && EventStreams.isAgentStream(event.stream())
                && "agent_status_changed".equals(event.type())) {
            organisation = learnFromWorkgroups(event);
        }
        if (organisation != null && watchers.containsKey(organisation)) {
            stale.add(organisation);
        }
    }

    /** An agent not on any board yet (signed in for the first time): its workgroups tell its organisation. */
    private String learnFromWorkgroups(StreamEventRecorded event) {
        try {
            JsonObject info = Jsons.parseObject(event.data()).getJsonObject("agentInfo");
            JsonArray workgroups = info == null ? null : info.getJsonArray("workgroups");
            if (workgroups == null) {
                return null;
            }
            for (JsonValue workgroup : workgroups) {
                String organisation = organisationOfStream.get(
                        EventStreams.ofWorkgroup(workgroup.asJsonObject().getString("uid", "")));
                if (organisation != null) {
                    organisationOfStream.put(event.stream(), organisation);
                    return organisation;
                }
            }
        } catch (RuntimeException unreadable) {
            LOG.log(Level.FINE, "agent status event without readable workgroups", unreadable);
        }
        return null;
    }

    void tick() {
        long now = System.nanoTime();
        for (Map.Entry<String, Set<ConsoleConnection>> entry : watchers.entrySet()) {
            String organisation = entry.getKey();
            entry.getValue().removeIf(connection -> !connection.session().isOpen());
            if (entry.getValue().isEmpty()) {
                watchers.remove(organisation, entry.getValue());
                readAtNanos.remove(organisation);
                figures.remove(organisation);
                continue;
            }
            Long readAt = readAtNanos.get(organisation);
            boolean due = readAt == null || now - readAt >= REFRESH_EVERY.toNanos();
            if (stale.remove(organisation) || due) {
                try {
                    push(organisation, entry.getValue());
                    readAtNanos.put(organisation, now);
                } catch (RuntimeException e) {
                    // A database outage: try again at the next tick.
                    stale.add(organisation);
                    LOG.log(Level.FINE, "supervisor board of " + organisation + " not read", e);
                }
            }
        }
    }

    private void push(String organisation, Set<ConsoleConnection> connections) {
        BoardView board = boards.boardOf(organisation, figures.get(organisation));
        figures.put(organisation, board.figures());
        board.agents().forEach(agent -> organisationOfStream.put(EventStreams.ofAgent(agent.uid()), organisation));
        board.workgroups().forEach(workgroup ->
                organisationOfStream.put(EventStreams.ofWorkgroup(workgroup.uid()), organisation));
        String frame = "{\"type\":\"board\",\"data\":" + BoardShapes.board(board) + "}";
        for (ConsoleConnection connection : connections) {
            connection.sendControl(frame);
        }
    }

    /** Supervisor consoles pushed to on this member (for tests and health). */
    int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }
}
