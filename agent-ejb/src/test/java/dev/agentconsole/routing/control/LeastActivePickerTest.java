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
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastActivePickerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Organisation org = new Organisation("org", "Org");
    private final Workgroup workgroup = new Workgroup(org, "wg", "Sales");
    private static final AgentPicker PICKER = AgentPicker.forMode(RoutingMode.LEAST_ACTIVE);

    private Agent agent(String name, AgentStatus status, int max, int active, Instant lastAssigned) {
        Agent agent = new Agent(org, name, name, max);
        agent.changeStatus(status, StatusCause.CONSOLE, T0);
        for (int i = 0; i < active; i++) {
            agent.takeThread(lastAssigned);
        }
        return agent;
    }

    @Test
    void fewestActiveThreadsWins() {
        Agent busyOne = agent("a", AgentStatus.AVAILABLE, 5, 3, T0);
        Agent lightOne = agent("b", AgentStatus.AVAILABLE, 5, 1, T0.plusSeconds(60));
        assertEquals(lightOne, PICKER.pick(workgroup, List.of(busyOne, lightOne)).orElseThrow());
    }

    @Test
    void onEqualLoadTheLongestIdleWinsAndNeverAssignedIsIdlest() {
        Agent recent = agent("a", AgentStatus.AVAILABLE, 5, 1, T0.plusSeconds(60));
        Agent earlier = agent("b", AgentStatus.AVAILABLE, 5, 1, T0);
        assertEquals(earlier, PICKER.pick(workgroup, List.of(recent, earlier)).orElseThrow());
        Agent fresh = agent("c", AgentStatus.AVAILABLE, 5, 0, null);
        Agent idleButUsed = agent("d", AgentStatus.AVAILABLE, 5, 0, null);
        idleButUsed.takeThread(T0);
        idleButUsed.releaseThread();
        assertEquals(fresh, PICKER.pick(workgroup, List.of(idleButUsed, fresh)).orElseThrow());
    }

    @Test
    void onlyAvailableAgentsWithSpareCapacity() {
        Agent busy = agent("a", AgentStatus.BUSY, 5, 0, null);
        Agent offline = agent("b", AgentStatus.OFFLINE, 5, 0, null);
        Agent full = agent("c", AgentStatus.AVAILABLE, 2, 2, T0);
        assertTrue(PICKER.pick(workgroup, List.of(busy, offline, full)).isEmpty());
        Agent spare = agent("d", AgentStatus.AVAILABLE, 3, 2, T0);
        assertEquals(spare, PICKER.pick(workgroup, List.of(busy, offline, full, spare)).orElseThrow());
    }
}
