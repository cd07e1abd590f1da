package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.infrastructure.persistence.RecordNotFoundException;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.model.workgroup.RoutingMode;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadQueries.View;
import dev.agentconsole.thread.boundary.ThreadView;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each workgroup routing mode in the real container: its order, and capacity and turns under concurrent routing. */
@ExtendWith(ArquillianExtension.class)
class RoutingModesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar();
    }

    @Inject
    OrganisationAdmin admin;

    @Inject
    AgentStatusService statuses;

    @Inject
    ThreadLifecycle threads;

    @Inject
    ThreadQueries queries;

    @Resource
    ManagedThreadFactory threadFactory;

    TestOrganisation org;

    @BeforeEach
    void tenant() {
        org = new TestOrganisation(admin);
    }

    @Test
    void aNewWorkgroupRoutesByLeastActiveAndAnotherOrganisationCannotChangeIt() {
        String sales = org.workgroup("sales");
        TestOrganisation other = new TestOrganisation(admin);
        assertThrows(RecordNotFoundException.class,
                () -> admin.routeWorkgroupBy(other.uid, sales, RoutingMode.ROUND_ROBIN));
        assertEquals(RoutingMode.LEAST_ACTIVE, admin.routeWorkgroupBy(org.uid, sales, RoutingMode.LEAST_ACTIVE));
    }

    /*
     * The same history in every mode: with the agents r0 < r1 < r2 (ring order, by uid), r2 alone takes two threads,
     * then r1 alone takes one, then all three are available for six more. Each mode orders those six differently.
     */

    @Test
    void leastActiveFillsTheLightestFirstThenTheLongestIdle() {
        List<String> ring = historyThenSix(RoutingMode.LEAST_ACTIVE);
        // r0 has none; then r1 (1, older) before r0 (1); then r0 (1 vs 2s); all at 2: r2 waited longest, r1, r0.
        assertEquals(List.of(ring.get(0), ring.get(1), ring.get(0), ring.get(2), ring.get(1), ring.get(0)),
                lastSix);
    }

    @Test
    void roundRobinContinuesAfterTheLastAgentTheWorkgroupChose() {
        List<String> ring = historyThenSix(RoutingMode.ROUND_ROBIN);
        // r1 was chosen last: r2, then around the ring whatever the load.
        assertEquals(List.of(ring.get(2), ring.get(0), ring.get(1), ring.get(2), ring.get(0), ring.get(1)),
                lastSix);
    }

    @Test
    void longestIdleTakesTheOldestLastAssignmentWhateverTheLoad() {
        List<String> ring = historyThenSix(RoutingMode.LONGEST_IDLE);
        // r0 never had one; r2 (two threads) had its last before r1 had its one.
        assertEquals(List.of(ring.get(0), ring.get(2), ring.get(1), ring.get(0), ring.get(2), ring.get(1)),
                lastSix);
    }

    @Test
    void concurrentRoutingNeverExceedsCapacityInAnyMode() throws Exception {
        for (RoutingMode mode : RoutingMode.values()) {
            String target = org.workgroup("cap-" + mode);
            admin.routeWorkgroupBy(org.uid, target, mode);
            List<AgentView> agents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                agents.add(available(org.agent("cap-" + mode + i, 2, target)));
            }
            // Twelve threads arrive at once, half by transfers (no workgroup lock), half as new visitor threads.
            List<Callable<Object>> arrivals = transfersInto(target, "cap-src-" + mode, 6);
            for (int i = 0; i < 6; i++) {
                int n = i;
                arrivals.add(() -> threads.open(target, null, "V" + n, "rush"));
            }

            List<Object> outcomes = Racers.race(threadFactory, arrivals);

            assertTrue(outcomes.stream().allMatch(ThreadView.class::isInstance), mode + ": " + outcomes);
            for (AgentView agent : agents) {
                assertEquals(2, queries.agent(agent.uid()).activeThreads(), mode + " " + agent.nickname());
                assertEquals(2, queries.threads(agent.uid(), View.MINE).size(), mode + " " + agent.nickname());
            }
            assertEquals(6, queries.threads(agents.get(0).uid(), View.QUEUED).stream()
                    .filter(item -> target.equals(item.thread().workgroupUid())).count(), mode.name());
        }
    }

    @Test
    void concurrentRoutingTakesTurnsInEveryMode() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (RoutingMode mode : RoutingMode.values()) {
                takeTurns(mode, round);
            }
        }
    }

    /** Nine threads arrive at once in a workgroup of three agents with room for ten each: three each. */
    private void takeTurns(RoutingMode mode, int round) throws Exception {
        String target = org.workgroup("turns-" + mode + round);
        admin.routeWorkgroupBy(org.uid, target, mode);
        List<AgentView> agents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            agents.add(available(org.agent("turns-" + mode + round + "-" + i, 10, target)));
        }

        List<Object> outcomes = Racers.race(threadFactory, transfersInto(target, "turns-src-" + mode + round, 9));

        Map<String, Long> perAgent = outcomes.stream().map(ThreadView.class::cast)
                .collect(Collectors.groupingBy(ThreadView::agentUid, Collectors.counting()));
        for (AgentView agent : agents) {
            assertEquals(3L, perAgent.get(agent.uid()), mode + " round " + round + " " + perAgent);
        }
    }

    private List<String> lastSix;

    private List<String> historyThenSix(RoutingMode mode) {
        String workgroup = org.workgroup("wg");
        admin.routeWorkgroupBy(org.uid, workgroup, mode);
        List<AgentView> agents = new ArrayList<>(List.of(org.agent("a", 10, workgroup), org.agent("b", 10, workgroup),
                org.agent("c", 10, workgroup)));
        agents.sort(Comparator.comparing(AgentView::uid));
        List<String> ring = agents.stream().map(AgentView::uid).toList();

        available(agents.get(2));
        assertEquals(ring.get(2), threads.open(workgroup, null, "H1", "history").agentUid());
        assertEquals(ring.get(2), threads.open(workgroup, null, "H2", "history").agentUid());
        statuses.change(ring.get(2), AgentStatus.BUSY, StatusCause.CONSOLE);
        available(agents.get(1));
        assertEquals(ring.get(1), threads.open(workgroup, null, "H3", "history").agentUid());
        available(agents.get(0));
        available(agents.get(2));

        lastSix = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lastSix.add(threads.open(workgroup, null, "V" + i, "turn " + i).agentUid());
        }
        return ring;
    }

    /** Each of n agents of a new source workgroup holds one thread and transfers it into the target, all at once. */
    private List<Callable<Object>> transfersInto(String target, String sourceName, int n) {
        String source = org.workgroup(sourceName);
        List<Callable<Object>> transfers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AgentView holder = available(org.agent(sourceName + "-" + i, 1, source));
            ThreadView held = threads.open(source, null, "S" + i, "to move");
            assertEquals(holder.uid(), held.agentUid());
            transfers.add(() -> threads.transferToWorkgroup(holder.uid(), held.uid(), target));
        }
        return transfers;
    }

    private AgentView available(AgentView agent) {
        return statuses.change(agent.uid(), AgentStatus.AVAILABLE, StatusCause.CONSOLE);
    }
}
