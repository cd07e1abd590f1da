package dev.agentconsole.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workgroups a login token puts its agent in, when provisioning from claims is on. */
class WorkgroupClaimsTest {

    private final WorkgroupClaims enabled = new WorkgroupClaims(true, null);

    @Test
    void offByDefaultLeavesMembershipAlone() {
        assertEquals(Optional.empty(), new WorkgroupClaims(false, null).workgroupsOf(Map.of("workgroups",
                List.of("Sales"))));
    }

    @Test
    void anArrayOrACommaSeparatedStringOfUidsOrNamesInOrderWithoutDoubles() {
        assertEquals(List.of("Sales team", "wg-support"),
                List.copyOf(enabled.workgroupsOf(Map.of("workgroups", List.of("Sales team", " wg-support ",
                        "Sales team"))).orElseThrow()));
        assertEquals(List.of("Sales team", "wg-support"),
                List.copyOf(enabled.workgroupsOf(Map.of("workgroups", "Sales team, wg-support,,")).orElseThrow()));
    }

    @Test
    void noClaimOrAnUnusableOneMeansNoWorkgroup() {
        assertEquals(Optional.of(Set.of()), enabled.workgroupsOf(Map.of()));
        assertEquals(Optional.of(Set.of()), enabled.workgroupsOf(Map.of("workgroups", 7)));
        assertEquals(Optional.of(Set.of()), enabled.workgroupsOf(Map.of("workgroups", List.of(7, Map.of()))));
        assertEquals(Optional.of(Set.of()), enabled.workgroupsOf(Map.of("workgroups", List.of("x".repeat(201)))));
    }

    @Test
    void theClaimNameIsConfigurableAndMayBeADottedPath() {
        WorkgroupClaims nested = new WorkgroupClaims(true, "console.teams");
        assertEquals(Set.of("Sales"), nested.workgroupsOf(Map.of("console", Map.of("teams", List.of("Sales"))))
                .orElseThrow());
    }

    @Test
    void aHugeListIsCut() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("wg-" + i);
        }
        assertEquals(WorkgroupClaims.MAX_ENTRIES, enabled.workgroupsOf(Map.of("workgroups", many)).orElseThrow().size());
    }
}
