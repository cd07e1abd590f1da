package dev.agentconsole.web.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the supervisor's moves. */
public final class SupervisorRequests {

    private SupervisorRequests() {
    }

    public static class Assign implements Requests.Body {
        @NotBlank
        @Size(max = 64)
        public String agentUid;
    }

    public static class Move implements Requests.Body {
        @NotBlank
        @Size(max = 64)
        public String workgroupUid;
    }
}
