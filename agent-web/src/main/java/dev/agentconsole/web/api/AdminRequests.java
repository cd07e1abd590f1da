package dev.agentconsole.web.api;

import dev.agentconsole.model.ControlCharacters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Request bodies of the administration API ({@link AdminResource}), read strictly like {@link Requests}. */
public final class AdminRequests {

    static final int MAX_QUEUE_CAP = 100_000;
    static final int MAX_THREADS = 100;
    /**
     * At least one visible character, no control characters (names are shown in lists and logs): C0, DEL, C1 and the
     * line separators, which {@code \p{Cntrl}} alone let through.
     */
    static final String NAME = ControlCharacters.VISIBLE_NAME;

    private AdminRequests() {
    }

    /** Members every workgroup body may carry. */
    public abstract static class WorkgroupBody implements Requests.Body {
        @Pattern(regexp = "LEAST_ACTIVE|ROUND_ROBIN|LONGEST_IDLE",
                message = "must be LEAST_ACTIVE, ROUND_ROBIN or LONGEST_IDLE")
        public String routingMode;

        /** Minutes a thread may go without a message or action before it closes itself; null: the default. */
        @Min(1)
        @Max(7 * 24 * 60)
        public Integer idleCloseMinutes;

        @Min(0)
        @Max(MAX_QUEUE_CAP)
        public Integer queueCap;
    }

    public static class NewWorkgroup extends WorkgroupBody {
        @NotNull
        @Size(max = 200)
        @Pattern(regexp = NAME, message = Requests.VISIBLE_NAME)
        public String name;
    }

    /** Members not sent stay as they are; {@code "queueCap": null} goes back to the deployment's default. */
    public static class WorkgroupEdit extends WorkgroupBody implements Requests.MembersGiven {
        @Size(max = 200)
        @Pattern(regexp = NAME, message = Requests.VISIBLE_NAME)
        public String name;

        private final Set<String> given = new HashSet<>();

        @Override
        public void given(String member) {
            given.add(member);
        }

        boolean gave(String member) {
            return given.contains(member);
        }
    }

    public static class NewAgent implements Requests.Body {
        @NotNull
        @Size(max = 200)
        @Pattern(regexp = ControlCharacters.ONE_WORD,
                message = "must be one word without spaces or control characters")
        public String username;

        @Size(max = 200)
        @Pattern(regexp = NAME, message = Requests.VISIBLE_NAME)
        public String nickname;

        @Min(1)
        @Max(MAX_THREADS)
        public Integer maxThreads;

        @Size(max = 2)
        public List<@NotNull @Pattern(regexp = "SUPERVISOR|ADMIN", message = "must be SUPERVISOR or ADMIN")
                String> roles;

        @Size(max = 100)
        public List<@NotBlank @Size(max = 64) String> workgroups;
    }

    /** Members not sent stay as they are; {@code roles} and {@code workgroups} replace the whole set. */
    public static class AgentEdit implements Requests.Body {
        @Size(max = 200)
        @Pattern(regexp = NAME, message = Requests.VISIBLE_NAME)
        public String nickname;

        @Min(1)
        @Max(MAX_THREADS)
        public Integer maxThreads;

        @Size(max = 2)
        public List<@NotNull @Pattern(regexp = "SUPERVISOR|ADMIN", message = "must be SUPERVISOR or ADMIN")
                String> roles;

        @Size(max = 100)
        public List<@NotBlank @Size(max = 64) String> workgroups;
    }
}
