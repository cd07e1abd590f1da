package dev.agentconsole.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.organisation.Organisation;
import dev.agentconsole.model.workgroup.RoutingMode;
import dev.agentconsole.model.workgroup.Workgroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round robin and longest idle, as pure rules; capacity and status hold in every mode. */
class RoutingPickersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Organisation org = new Organisation("org", "Org");
    private final Workgroup workgroup = new Workgroup(org, "wg", "Sales");

    private Agent agent(String name, int max) {
        Agent agent = new Agent(org, name, name, max);
        agent.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, T0);
        return agent;
    }

    /** Three available agents in the ring's order (by uid). */
    private List<Agent> ring(int max) {
        List<Agent> agents = new ArrayList<>(List.of(agent("a", max), agent("b", max), agent("c", max)));
        agents.sort(Comparator.comparing(Agent::getUid));
        return agents;
    }

    /** Picks n times, handing each pick its thread as the router does. */
    private List<Agent> route(RoutingMode mode, List<Agent> members, int n) {
        workgroup.routeBy(mode);
        AgentPicker picker = AgentPicker.forMode(mode);
        List<Agent> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picker.pick(workgroup, members).ifPresent(agent -> {
                agent.takeThread(T0.plusSeconds(chosen.size() + 1));
                workgroup.assigned(agent.getUid());
                chosen.add(agent);
            });
        }
        return chosen;
    }

    @Test
    void roundRobinGoesAroundTheRingWhateverTheLoad() {
        List<Agent> agents = ring(10);
        Agent first = agents.get(0);
        Agent second = agents.get(1);
        Agent third = agents.get(2);
        // Load does not matter: the first in the ring already carries threads.
        first.takeThread(T0);
        first.takeThread(T0);
        assertEquals(List.of(first, second, third, first, second, third, first),
                route(RoutingMode.ROUND_ROBIN, List.of(third, first, second), 7));
    }

    @Test
    void roundRobinSkipsWhoCannotTakeAThreadAndContinuesAfterTheLastChosen() {
        List<Agent> agents = ring(10);
        Agent first = agents.get(0);
        Agent second = agents.get(1);
        Agent third = agents.get(2);
        assertEquals(List.of(first), route(RoutingMode.ROUND_ROBIN, agents, 1));
        second.changeStatus(AgentStatus.BUSY, StatusCause.CONSOLE, T0);
        assertEquals(List.of(third, first, third), route(RoutingMode.ROUND_ROBIN, agents, 3));
        // Back in: its turn comes after the last chosen (the third), so the first, then the second.
        second.changeStatus(AgentStatus.AVAILABLE, StatusCause.CONSOLE, T0);
        assertEquals(List.of(first, second, third), route(RoutingMode.ROUND_ROBIN, agents, 3));
    }

    @Test
    void roundRobinCursorOfAnAgentWhoLeftTheRingStillPointsIntoIt() {
        List<Agent> agents = ring(10);
        route(RoutingMode.ROUND_ROBIN, agents, 2);
        // The second (last chosen) leaves: the next after its place is the third.
        List<Agent> remaining = List.of(agents.get(0), agents.get(2));
        assertEquals(List.of(agents.get(2), agents.get(0)), route(RoutingMode.ROUND_ROBIN, remaining, 2));
    }

    @Test
    void changingTheModeStartsRoundRobinAfresh() {
        List<Agent> agents = ring(10);
        route(RoutingMode.ROUND_ROBIN, agents, 2);
        workgroup.routeBy(RoutingMode.LEAST_ACTIVE);
        assertEquals(null, workgroup.getRoundRobinCursor());
        assertEquals(List.of(agents.get(0)), route(RoutingMode.ROUND_ROBIN, agents, 1));
    }

    @Test
    void otherModesLeaveTheCursorAlone() {
        List<Agent> agents = ring(10);
        route(RoutingMode.LEAST_ACTIVE, agents, 2);
        route(RoutingMode.LONGEST_IDLE, agents, 2);
        assertEquals(null, workgroup.getRoundRobinCursor());
    }

    @Test
    void longestIdleIgnoresLoadAndPrefersTheOldestLastAssignment() {
        Agent loaded = agent("loaded", 10);
        loaded.takeThread(T0.minusSeconds(3600));
        loaded.takeThread(T0.minusSeconds(3600));
        loaded.takeThread(T0.minusSeconds(3600));
        Agent recent = agent("recent", 10);
        recent.takeThread(T0);
        Agent fresh = agent("fresh", 10);
        // Never assigned is idlest; then the one with three chats but nothing new for an hour.
        assertEquals(List.of(fresh, loaded, recent, fresh),
                route(RoutingMode.LONGEST_IDLE, List.of(recent, loaded, fresh), 4));
    }

    @Test
    void noModeRoutesToAnAgentThatIsNotAvailableOrFull() {
        for (RoutingMode mode : RoutingMode.values()) {
            Agent full = agent("full", 2);
            full.takeThread(T0);
            full.takeThread(T0);
            Agent busy = agent("busy", 5);
            busy.changeStatus(AgentStatus.BUSY, StatusCause.CONSOLE, T0);
            Agent offline = agent("offline", 5);
            offline.changeStatus(AgentStatus.OFFLINE, StatusCause.CONSOLE, T0);
            assertTrue(route(mode, List.of(full, busy, offline), 1).isEmpty(), mode.name());
            Agent spare = agent("spare", 2);
            // Two slots: two threads, then nothing more, whatever the mode.
            assertEquals(List.of(spare, spare), route(mode, List.of(full, busy, offline, spare), 5), mode.name());
            assertEquals(2, spare.getActiveThreads(), mode.name());
        }
    }
}
